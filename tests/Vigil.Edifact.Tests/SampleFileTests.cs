using Vigil.Tests;

namespace Vigil.Edifact.Tests;

public class SampleFileTests
{
    public static TheoryData<string, string> AllSamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (folder, name) in SampleNames())
        {
            data.Add(folder, name);
        }

        return data;
    }

    internal static IEnumerable<(string Folder, string Name)> SampleNames() =>
        from folder in (string[])["paxlst", "pnrgov"]
        from path in SharedData.Files(Path.Combine("data", "messages", folder))
        select (folder, Path.GetFileName(path));

    internal static EdifactFile Load(string folder, string name) =>
        EdifactFile.Read(File.ReadAllBytes(SharedData.PathOf("data", "messages", folder, name)));

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_sample_is_one_interchange_with_one_terminated_message(string folder, string name)
    {
        var file = Load(folder, name);

        Assert.Single(file.Interchanges);
        var message = Assert.Single(file.Messages);
        Assert.Equal(folder.ToUpperInvariant(), message.Type);
        Assert.True(message.Terminated);
        Assert.Equal(message.SegmentCount - 2, Edi.BodyTags(message).Count);
        Assert.Equal(folder == "pnrgov" ? "IATA" : "UNOA", file.Interchanges[0].SyntaxIdentifier);
    }

    [Fact]
    public void Test3_lone_cr_lines_and_a_wrong_unt_count()
    {
        var file = Load("paxlst", "gtas-Test3.txt");
        var message = file.Messages[0];

        Assert.Equal(("WSPDLA", "D:02B", "ABC01", new MessagePart(1, false)), (message.Reference, message.VersionRelease, message.CommonAccessReference, message.Part));
        Assert.Equal("DELTAMATIC", file.Interchanges[0].Sender);
        Assert.Null(file.Interchanges[0].Service.Repetition);
        Assert.Equal(3131, message.SegmentCount);
        Assert.Contains(message.Diagnostics, d => d.Code == "unt-count-mismatch");
        Assert.Equal(261, Edi.BodyTags(message).Count(t => t == "NAD"));
        var segments = Edi.Segments(file.Data.Span);
        Assert.Equal(("UNZ", 261), (segments[^1].Tag, segments[^1].Line));
    }

    [Fact]
    public void Apis_message_with_indented_lines_matches_its_unt()
    {
        var file = Load("paxlst", "gtas-apisMessage.txt");
        var message = file.Messages[0];

        Assert.Empty(Edi.AllDiagnostics(file));
        Assert.Equal(("PAX001", "D:05B", "AIR1"), (message.Reference, message.VersionRelease, file.Interchanges[0].Sender));
        Assert.Equal(33, message.SegmentCount);
        Assert.Equal("PAXLST", message.Group?.GroupId);
    }

    [Fact]
    public void Multiple_leg_apis_keeps_asterisk_sender_and_reports_trailing_date()
    {
        var file = Load("paxlst", "gtas-multiple_flight_leg_apis.txt");

        Assert.Equal("APIS*ABE", file.Interchanges[0].Sender);
        Assert.Equal(46, file.Messages[0].SegmentCount);
        var junk = Assert.Single(file.Diagnostics);
        Assert.Equal("junk-after-interchange", junk.Code);
        Assert.Contains("13Nov09", junk.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pnrgov_with_two_pnrs_and_crlf()
    {
        var file = Load("pnrgov", "gtas-2_pnrs_basic.edi");
        var message = file.Messages[0];

        Assert.Equal(("PNRGOV", "10", "1", "IA", "F6C2C268"), (message.Type, message.Version, message.Release, message.Agency, message.CommonAccessReference));
        Assert.Equal(2, Edi.BodyTags(message).Count(t => t == "SRC"));
        Assert.Equal("IATA", file.Interchanges[0].Charset.Id);
    }

    [Theory]
    [InlineData("gtas-bigbigPnr.txt", 47)]
    [InlineData("gtas-pnrWithBags.txt", 127)]
    public void Large_pnrgov_pushes_hold_many_pnrs_in_one_message(string name, int pnrs)
    {
        var message = Load("pnrgov", name).Messages[0];

        Assert.Equal(pnrs, Edi.BodyTags(message).Count(t => t == "SRC"));
    }

    [Fact]
    public void Unterminated_unz_ends_at_its_line_and_the_sentence_after_it_is_junk()
    {
        var file = Load("pnrgov", "gtas-pnrBadFormat.txt");

        Assert.Equal(["missing-terminator", "junk-after-interchange"], file.Diagnostics.Select(d => d.Code));
        Assert.Equal(27, file.Diagnostics[0].Segment);
        Assert.Contains("Modify above message", file.Diagnostics[1].Message);
        Assert.Equal("AUTZ000623052013221001SIN20130528", file.Messages[0].CommonAccessReference);
        Assert.Contains(file.Messages[0].Diagnostics, d => d.Code == "line-break-in-segment");
    }
}
