using System.Text.Json;
using Vigil.Travel.Model;
using Vigil.Travel.Privacy;

namespace Vigil.Travel.Tests.PnrgovXml;

/// <summary>Sensitive SSRs and remarks are dropped at ingest: only their category and count remain (Dir. 2016/681 art. 13(4)).</summary>
public class SensitiveDataTests
{
    private const string MedicalRemark = "PAX DIABETIC NEEDS WCHR TO GATE";

    private static readonly Lazy<BookingPush> Push = new(() => XmlSamples.Read("sensitive-ssrs-and-osi.xml"));

    [Fact]
    public void The_remark_used_here_is_one_the_filter_flags()
    {
        Assert.NotNull(SensitiveDataFilter.Default.CategoryOfText(MedicalRemark));
        Assert.NotNull(SensitiveDataFilter.Default.CategoryOfSsr("MOML"));
        Assert.NotNull(SensitiveDataFilter.Default.CategoryOfSsr("WCHR"));
    }

    [Theory]
    [InlineData("MOML")]
    [InlineData(MedicalRemark)]
    [InlineData("MUSLIM MEAL")]
    [InlineData("NO PORK")]
    [InlineData("CANNOT WALK")]
    [InlineData("DIABETIC")]
    public void No_sensitive_value_survives_anywhere_in_the_push(string value)
    {
        var json = JsonSerializer.Serialize(Push.Value);
        Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RemovedSensitive_counts_each_removal_by_category()
    {
        var filter = SensitiveDataFilter.Default;
        var expected = new[] { filter.CategoryOfSsr("MOML")!, filter.CategoryOfSsr("MOML")!, filter.CategoryOfSsr("WCHR")!, filter.CategoryOfText(MedicalRemark)! }
            .GroupBy(c => c)
            .Select(g => new SensitiveRemoval(g.Key, g.Count()))
            .OrderBy(r => r.Category, StringComparer.Ordinal);
        var booking = Assert.Single(Push.Value.Bookings);
        Assert.Equal(expected, booking.RemovedSensitive.OrderBy(r => r.Category, StringComparer.Ordinal));
        Assert.Equal(4, booking.RemovedSensitive.Sum(r => r.Count));
    }

    [Fact]
    public void What_is_not_sensitive_is_kept()
    {
        var booking = Assert.Single(Push.Value.Bookings);
        Assert.Equal(2, booking.Travelers.Count);
        Assert.Contains(booking.Remarks, r => r.Kind == "OSI" && r.Text == "CTCM 212611223344");
        Assert.Contains(booking.Remarks, r => r.Kind == "SSR OTHS" && r.Text == "ADV TKT NBR BY 05MAR");
        Assert.Contains(booking.Contacts.Phones, p => p.Contains("212611223344", StringComparison.Ordinal));
        Assert.Empty(Push.Value.Errors);
    }
}
