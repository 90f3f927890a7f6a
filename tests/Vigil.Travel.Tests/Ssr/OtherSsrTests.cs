using Vigil.Travel.Model;
using Vigil.Travel.Ssr;

namespace Vigil.Travel.Tests.Ssr;

public class OtherSsrTests
{
    private static readonly DateOnly Reference = new(2025, 3, 14);

    private static string[] Codes(List<SsrFinding> findings) => [.. findings.Select(f => f.Code).Distinct().Order()];

    [Fact]
    public void Doco_reads_a_visa()
    {
        var findings = new List<SsrFinding>();
        var doco = SsrParsers.ParseDoco("/CASABLANCA/V/TR1234567/RABAT/01FEB25/TUR", Reference, findings);

        Assert.Equal(new DocoInfo("CASABLANCA", "V", "TR1234567", "RABAT", new DateOnly(2025, 2, 1), "TUR", false), doco);
        Assert.Empty(findings);
    }

    [Fact]
    public void Doco_reads_the_real_sample_without_leading_slash_and_with_an_alpha2_country()
    {
        var findings = new List<SsrFinding>();
        var doco = SsrParsers.ParseDoco(" HERE VA/V/8675309/OTHER PLACE/22DEC06/LI", Reference, findings);

        Assert.Equal(new DocoInfo("HERE VA", "V", "8675309", "OTHER PLACE", new DateOnly(2006, 12, 22), "LIE", false), doco);
        Assert.Equal(["doco-alpha2-country", "doco-no-leading-slash"], Codes(findings));
    }

    [Fact]
    public void Doco_reads_the_short_form_and_the_infant_flag()
    {
        var findings = new List<SsrFinding>();
        var doco = SsrParsers.ParseDoco("//V/5576123///USA/I", Reference, findings);

        Assert.Null(doco.BirthPlace);
        Assert.Equal("V", doco.DocumentType);
        Assert.Equal("5576123", doco.Number);
        Assert.Equal("USA", doco.ApplicableCountry);
        Assert.True(doco.Infant);
    }

    [Fact]
    public void Doco_without_birth_place_field_keeps_the_number_by_the_document_type()
    {
        var findings = new List<SsrFinding>();
        var doco = SsrParsers.ParseDoco("/V/TR1234567/RABAT/01FEB25/TUR", Reference, findings);

        Assert.Null(doco.BirthPlace);
        Assert.Equal("TR1234567", doco.Number);
        Assert.Equal("RABAT", doco.IssuePlace);
        Assert.Equal("TUR", doco.ApplicableCountry);
        Assert.Contains("doco-field-shift", Codes(findings));
    }

    [Fact]
    public void Doca_reads_an_address()
    {
        var findings = new List<SsrFinding>();
        var doca = SsrParsers.ParseDoca("/D/TUR/ISTIKLAL CAD 1/ISTANBUL//34430", findings);

        Assert.Equal(new DocaInfo("D", "TUR", "ISTIKLAL CAD 1", "ISTANBUL", null, "34430", false), doca);
        Assert.Empty(findings);
    }

    [Fact]
    public void Doca_reads_an_infant_residence_with_alpha2_country()
    {
        var findings = new List<SsrFinding>();
        var doca = SsrParsers.ParseDoca("/R/US/1 MAIN ST/ATLANTA/GA/30067/I", findings);

        Assert.Equal(new DocaInfo("R", "USA", "1 MAIN ST", "ATLANTA", "GA", "30067", true), doca);
        Assert.Equal(["doca-alpha2-country"], Codes(findings));
    }

    [Fact]
    public void Doca_flags_an_unknown_address_type()
    {
        var findings = new List<SsrFinding>();
        var doca = SsrParsers.ParseDoca("/Z/TUR/X/Y//1", findings);

        Assert.Equal("Z", doca.AddressType);
        Assert.Equal(["doca-unknown-address-type"], Codes(findings));
    }

    [Theory]
    [InlineData("Y..EL//EXAMPLE.COM", "Y_EL@EXAMPLE.COM")]
    [InlineData("CTCE AARON..EMMOTT//GMAIL.COM", "AARON_EMMOTT@GMAIL.COM")]
    [InlineData("CTCE ABBY.FENWICK//HOTMAIL.COM", "ABBY.FENWICK@HOTMAIL.COM")]
    [InlineData("/Jane.Doe//Example.org", "Jane.Doe@Example.org")]
    [InlineData("A?+B//X.COM/EN", "A+B@X.COM")]
    public void Email_decodes_airimp_escapes_and_keeps_case(string text, string email)
    {
        var findings = new List<SsrFinding>();
        Assert.Equal(email, SsrParsers.ParseEmail(text, findings));
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOT AN ADDRESS")]
    public void Email_without_an_address_is_null_with_a_finding(string text)
    {
        var findings = new List<SsrFinding>();
        Assert.Null(SsrParsers.ParseEmail(text, findings));
        Assert.NotEmpty(findings);
    }

    [Theory]
    [InlineData("212600000000", "212600000000")]
    [InlineData("CTCM 212600000000", "212600000000")]
    [InlineData("YY CTC M 123456789", "123456789")]
    [InlineData("YY CTCM 123456789", "123456789")]
    [InlineData("CTCR 00115555555555", "00115555555555")]
    [InlineData("CTCH 1234536789", "1234536789")]
    [InlineData("+44 (20) 7946-0000/EN", "+442079460000")]
    [InlineData("CTCT SEA 866 746-4647 CARLSON WAGONLIT TVL", "8667464647")]
    public void Phone_keeps_digits_and_a_leading_plus(string text, string phone)
    {
        var findings = new List<SsrFinding>();
        Assert.Equal(phone, SsrParsers.ParsePhone(text, findings));
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("CTCM")]
    [InlineData("THIS PASSENGER IS A VIP")]
    [InlineData("+")]
    public void Phone_without_digits_is_null_with_a_finding(string text)
    {
        var findings = new List<SsrFinding>();
        Assert.Null(SsrParsers.ParsePhone(text, findings));
        Assert.Equal(["phone-no-digits"], Codes(findings));
    }

    [Theory]
    [InlineData("DL1234567890", "XY", "DL", "1234567890", null)]
    [InlineData("DL 1234567890", "XY", "DL", "1234567890", null)]
    [InlineData("1234567890", "XY", "XY", "1234567890", null)]
    [InlineData("XYAB12345", "XY", "XY", "AB12345", null)]
    [InlineData("AB12C456", null, null, "AB12C456", null)]
    [InlineData("AB123456", null, "AB", "123456", null)]
    [InlineData("DL1234567890/GOLD", null, "DL", "1234567890", "GOLD")]
    [InlineData("UA 900123456 PREMIER-1SMITH/JOHNMR", "XY", "UA", "900123456", "PREMIER")]
    public void Frequent_flyer_reads_the_three_shapes(string text, string? carrier, string? programme, string number, string? tier)
    {
        var findings = new List<SsrFinding>();
        Assert.Equal(new FrequentFlyerAccount(programme, number, tier), SsrParsers.ParseFrequentFlyer(text, carrier, findings));
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DL GOLD")]
    public void Frequent_flyer_without_number_is_null_with_a_finding(string text)
    {
        var findings = new List<SsrFinding>();
        Assert.Null(SsrParsers.ParseFrequentFlyer(text, "DL", findings));
        Assert.Equal(["fqtv-no-number"], Codes(findings));
    }

    [Theory]
    [InlineData("SMITH/BABY 12JAN24", "SMITH", "BABY")]
    [InlineData("/SMITH/BABY/12JAN24", "SMITH", "BABY")]
    [InlineData("TESTSURNAMETWO/TESTNAMETWO/10AUG11", "TESTSURNAMETWO", "TESTNAMETWO")]
    [InlineData("SMITH/BABY JANEMISS 12JAN24", "SMITH", "BABY JANE")]
    public void Infant_reads_name_and_date_of_birth(string text, string surname, string given)
    {
        var findings = new List<SsrFinding>();
        var infant = SsrParsers.ParseInfant(text, new DateOnly(2025, 3, 14), findings);

        Assert.Equal(surname, infant.Surname);
        Assert.Equal(given, infant.GivenNames);
        Assert.NotNull(infant.DateOfBirth);
        Assert.Empty(findings);
    }

    [Fact]
    public void Infant_date_of_birth_lies_in_the_past()
    {
        var infant = SsrParsers.ParseInfant("SMITH/BABY 12JAN24", new DateOnly(2025, 3, 14), []);
        Assert.Equal(new DateOnly(2024, 1, 12), infant.DateOfBirth);
    }

    [Fact]
    public void Infant_without_date_has_a_finding()
    {
        var findings = new List<SsrFinding>();
        var infant = SsrParsers.ParseInfant("SMITH/BABY", Reference, findings);

        Assert.Equal("SMITH", infant.Surname);
        Assert.Null(infant.DateOfBirth);
        Assert.Equal(["inft-no-date-of-birth"], Codes(findings));
    }

    [Theory]
    [InlineData("0062120234533C1", "0062120234533", 1, false)]
    [InlineData("INF0062120234533C1", "0062120234533", 1, true)]
    [InlineData("1392178947000C3", "1392178947000", 3, false)]
    [InlineData("INF1392178947000C2", "1392178947000", 2, true)]
    [InlineData("006-2120234533", "0062120234533", null, false)]
    public void Ticket_reads_number_coupon_and_infant(string text, string number, int? coupon, bool infant)
    {
        var findings = new List<SsrFinding>();
        Assert.Equal(new TicketNumber(number, coupon, infant), SsrParsers.ParseTicket(text, findings));
        Assert.Empty(findings);
    }

    [Fact]
    public void Ticket_without_number_is_null_with_a_finding()
    {
        var findings = new List<SsrFinding>();
        Assert.Null(SsrParsers.ParseTicket("TKT NBR 0 19FEB20 E DAISYFEWTRELL", findings));
        Assert.Equal(["tkne-no-number"], Codes(findings));
    }

    [Fact]
    public void Every_tkne_in_the_shared_samples_with_a_long_digit_run_reads_a_number()
    {
        var texts = PnrgovSamples.SsrTexts("TKNE").ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts.Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\d{13}")))
        {
            Assert.NotNull(SsrParsers.ParseTicket(text, []));
        }
    }

    [Theory]
    [InlineData("074E", "74E")]
    [InlineData("15A", "15A")]
    [InlineData(" 7c ", "7C")]
    [InlineData("0E", "0E")]
    [InlineData("XXX", "XXX")]
    [InlineData("", "")]
    public void Seat_loses_leading_zeros_of_the_row(string seat, string normal)
    {
        Assert.Equal(normal, SsrParsers.NormaliseSeat(seat));
    }
}
