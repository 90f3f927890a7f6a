using Vigil.Edifact;
using Vigil.Travel.Model;
using static Vigil.Travel.Tests.Paxlst.PaxlstText;

namespace Vigil.Travel.Tests.Paxlst;

public class MultipartTests
{
    private static string Part(int sequence, string flag, string names, string trailer = "") =>
        Message(FlightGroup + string.Concat(names.Split(',').Select(n => $"NAD+FL+++{n}:X'")) + trailer,
            part: $"{sequence:00}{(flag.Length > 0 ? ":" + flag : "")}", reference: $"P{sequence}");

    [Fact]
    public void Parts_arriving_out_of_order_are_reassembled_into_one_list()
    {
        var file = Read(Interchange(Part(2, "C", "C,D"), Part(1, "C", "A,B"), Part(3, "F", "E", "CNT+42:5'")));

        var list = Assert.IsType<PassengerList>(Assert.Single(file.Messages));
        Assert.Equal(["A", "B", "C", "D", "E"], list.Travelers.Select(t => t.Surname));
        Assert.Equal([1, 2, 3], list.PartsReceived);
        Assert.False(list.Incomplete);
        Assert.Equal(new MessagePart(3, true), list.Part);
        Assert.Equal(5, list.DeclaredPassengers);
        Assert.Empty(list.Warnings);
    }

    [Fact]
    public void A_missing_middle_part_marks_the_list_incomplete_and_skips_the_count_check()
    {
        var file = Read(Interchange(Part(1, "C", "A"), Part(3, "F", "E", "CNT+42:5'")));

        var list = Assert.IsType<PassengerList>(Assert.Single(file.Messages));
        Assert.True(list.Incomplete);
        Assert.Equal(["A", "E"], list.Travelers.Select(t => t.Surname));
        var warning = Assert.Single(list.Warnings);
        Assert.Equal("multipart-incomplete", warning.Code);
        Assert.Contains("parts 2 have not arrived", warning.Message);
    }

    [Fact]
    public void Middle_parts_without_a_flag_count_as_continuing()
    {
        var file = Read(Interchange(Part(1, "C", "A"), Part(2, "", "B"), Part(3, "F", "C")));

        var list = Assert.IsType<PassengerList>(Assert.Single(file.Messages));
        Assert.False(list.Incomplete);
        Assert.Equal(3, list.Travelers.Count);
    }

    [Fact]
    public void Control_totals_that_disagree_with_the_travelers_read_are_reported()
    {
        var body = FlightGroup + "NAD+FL+++A:B'NAD+FL+++C:D'NAD+FM+++E:F'CNT+42:3'CNT+41:1'";
        var list = Assert.IsType<PassengerList>(Assert.Single(Read(Interchange(Message(body))).Messages));

        var mismatch = Assert.Single(list.Warnings);
        Assert.Equal("cnt-mismatch", mismatch.Code);
        Assert.Contains("declares 3 passengers but 2 were read", mismatch.Message);
        Assert.Equal(DiagnosticSeverity.Warning, mismatch.Severity);
    }

    [Fact]
    public void A_single_part_message_marked_final_is_complete()
    {
        var list = Assert.IsType<PassengerList>(Assert.Single(Read(Interchange(Part(1, "F", "A,B", "CNT+42:2'"))).Messages));

        Assert.False(list.Incomplete);
        Assert.Empty(list.Warnings);
    }

    [Fact]
    public void A_damaged_huge_part_number_is_counted_not_enumerated()
    {
        var file = Read(Interchange(Part(1, "C", "A"), Message(FlightGroup + "NAD+FL+++B:X'", part: "70379193:F", reference: "P9")));

        var list = Assert.IsType<PassengerList>(Assert.Single(file.Messages));
        Assert.True(list.Incomplete);
        Assert.Contains("70379191 of its 70379193 parts have not arrived", Assert.Single(list.Warnings).Message);
    }

    [Fact]
    public void A_negative_part_number_is_not_a_part()
    {
        var file = Read(Interchange(Message(FlightGroup + "NAD+FL+++A:X'", part: "-1:F")));

        var list = Assert.IsType<PassengerList>(Assert.Single(file.Messages));
        Assert.Null(list.Part);
        Assert.Single(list.Travelers);
        Assert.Contains(list.Warnings, w => w.Code == "unh-part-unreadable");
    }
}
