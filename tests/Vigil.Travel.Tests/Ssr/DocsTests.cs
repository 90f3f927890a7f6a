using Vigil.Travel.Ssr;

namespace Vigil.Travel.Tests.Ssr;

public class DocsTests
{
    private static readonly DateOnly Reference = new(2025, 3, 14);

    private static (DocsInfo Docs, List<SsrFinding> Findings) Parse(string text)
    {
        var findings = new List<SsrFinding>();
        return (SsrParsers.ParseDocs(text, Reference, findings), findings);
    }

    private static string[] Codes(List<SsrFinding> findings) => [.. findings.Select(f => f.Code).Distinct().Order()];

    [Fact]
    public void Reads_every_field_of_the_standard_layout()
    {
        var (docs, findings) = Parse("/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF");

        Assert.Equal(
            new DocsInfo("P", "MAR", "AB1234567", "MAR", new DateOnly(1985, 6, 12), "M", new DateOnly(2030, 1, 1),
                "EL AMRANI", "YOUSSEF", null, false, false, null),
            docs);
        Assert.Empty(findings);
    }

    [Fact]
    public void Reads_a_real_gtas_docs_with_a_suffix_glued_to_the_surname_as_sent()
    {
        var (docs, findings) = Parse("/P/GBR/123456789/GBR/12JUL64/M/23AUG19/SMITHJR/JONATHON/ROBERT");

        Assert.Equal("SMITHJR", docs.Surname);
        Assert.Equal("JONATHON ROBERT", docs.GivenNames);
        Assert.Equal(new DateOnly(1964, 7, 12), docs.DateOfBirth);
        Assert.Equal(new DateOnly(2019, 8, 23), docs.Expiry);
        Assert.Equal("123456789", docs.Number);
        Assert.Null(docs.Title);
        Assert.Empty(findings);
    }

    [Fact]
    public void Empty_fields_stay_empty_without_moving_the_others()
    {
        var (docs, findings) = Parse("////GBR/12JUL64/M//JONES/WILLIAMNEVELL");

        Assert.Null(docs.DocumentType);
        Assert.Null(docs.IssuingCountry);
        Assert.Null(docs.Number);
        Assert.Equal("GBR", docs.Nationality);
        Assert.Equal(new DateOnly(1964, 7, 12), docs.DateOfBirth);
        Assert.Null(docs.Expiry);
        Assert.Equal("JONES", docs.Surname);
        Assert.Equal("WILLIAMNEVELL", docs.GivenNames);
        Assert.Empty(findings);
    }

    [Fact]
    public void Reads_a_docs_with_only_date_of_birth_gender_and_name()
    {
        var (docs, _) = Parse("/////05FEB53/F//DORON/NINA");

        Assert.Equal(new DateOnly(1953, 2, 5), docs.DateOfBirth);
        Assert.Equal("F", docs.Gender);
        Assert.Equal("DORON", docs.Surname);
        Assert.Equal("NINA", docs.GivenNames);
    }

    [Fact]
    public void Maps_alpha2_countries_to_alpha3_with_a_finding()
    {
        var (docs, findings) = Parse("/P/IT/YA0196755/IT/17APR80/M/11JAN20/CARRERA/MARCUS");

        Assert.Equal("ITA", docs.IssuingCountry);
        Assert.Equal("ITA", docs.Nationality);
        Assert.Equal(["docs-alpha2-country"], Codes(findings));
    }

    [Fact]
    public void Drops_a_nationality_that_is_no_country_code()
    {
        var (docs, findings) = Parse("/P/GBR/600634785/0/19JUN59/F/19NOV22/EMMANUEL/LEAH/BRIDGETT");

        Assert.Null(docs.Nationality);
        Assert.Equal("GBR", docs.IssuingCountry);
        Assert.Equal(["docs-unknown-country"], Codes(findings));
    }

    [Fact]
    public void Keeps_an_unknown_three_letter_country_as_sent()
    {
        var (docs, findings) = Parse("/P/QQQ/1/GBR/19JUN59/F/19NOV22/A/B");

        Assert.Equal("QQQ", docs.IssuingCountry);
        Assert.Equal(["docs-unknown-country"], Codes(findings));
    }

    [Fact]
    public void Detects_a_field_shift_from_the_date_landing_in_the_wrong_slot()
    {
        var (docs, findings) = Parse("//P/AB1234567/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF");

        Assert.Equal("P", docs.DocumentType);
        Assert.Equal("AB1234567", docs.Number);
        Assert.Equal(new DateOnly(1985, 6, 12), docs.DateOfBirth);
        Assert.Equal("M", docs.Gender);
        Assert.Equal(new DateOnly(2030, 1, 1), docs.Expiry);
        Assert.Equal("EL AMRANI", docs.Surname);
        Assert.Equal("YOUSSEF", docs.GivenNames);
        Assert.Contains("docs-field-shift", Codes(findings));
    }

    [Fact]
    public void Detects_a_shift_to_the_right_from_an_extra_field()
    {
        var (docs, findings) = Parse("/P/MAR/AB1234567/MAR/X1/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF");

        Assert.Equal("MAR", docs.IssuingCountry);
        Assert.Equal("AB1234567", docs.Number);
        Assert.Equal("MAR", docs.Nationality);
        Assert.Equal(new DateOnly(1985, 6, 12), docs.DateOfBirth);
        Assert.Equal("EL AMRANI", docs.Surname);
        Assert.Contains("docs-field-shift", Codes(findings));
        Assert.Contains("docs-unplaced-field", Codes(findings));
    }

    [Theory]
    [InlineData("/P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF MR", "YOUSSEF", "MR")]
    [InlineData("/P/CO/52263000/CO/30MAY76/F/31OCT15/TESTSURNA MEONE/TESTNAMEONE MRS", "TESTNAMEONE", "MRS")]
    [InlineData("//GBR/333343066//11DEC39/M/24MAY20/DEVLIN/CHARLIEMR/HAYDEN", "CHARLIE HAYDEN", "MR")]
    [InlineData("/P/DEU/944458904//07APR41/F/04OCT21/HABTE/YERUSALEMMRS/SOPHIA", "YERUSALEM SOPHIA", "MRS")]
    [InlineData("/P/GBR/1/GBR/11DEC39/M/24MAY20/SMITH/JOHN/PAUL MR", "JOHN PAUL", "MR")]
    public void Removes_a_title_from_the_given_names(string text, string given, string title)
    {
        var (docs, findings) = Parse(text);

        Assert.Equal(given, docs.GivenNames);
        Assert.Equal(title, docs.Title);
        Assert.Contains("docs-title-in-given-name", Codes(findings));
    }

    [Theory]
    [InlineData("DREW")]
    [InlineData("MRINAL")]
    [InlineData("WILLIAMS")]
    [InlineData("ADAMS")]
    public void Leaves_names_that_only_look_like_titles(string given)
    {
        var (docs, findings) = Parse($"/P/GBR/1/GBR/11DEC39/M/24MAY20/SMITH/{given}");

        Assert.Equal(given, docs.GivenNames);
        Assert.Null(docs.Title);
        Assert.Empty(findings);
    }

    [Fact]
    public void Keeps_spaces_inside_surnames_and_given_names()
    {
        var (docs, _) = Parse("/P/NLD/X1/NLD/01JAN70/M/01JAN30/VAN DER BERG/JAN  PIETER");

        Assert.Equal("VAN DER BERG", docs.Surname);
        Assert.Equal("JAN PIETER", docs.GivenNames);
    }

    [Fact]
    public void Reads_the_multi_passenger_holder_flag_and_name_association()
    {
        var (docs, _) = Parse("/P/GBR/123/GBR/01JAN70/F/01JAN30/SMITH/JANE/MARY/H-1SMITH/JANEMRS");

        Assert.True(docs.MultiPassengerHolder);
        Assert.Equal("JANE MARY", docs.GivenNames);
        Assert.Equal("1SMITH/JANEMRS", docs.NameAssociation);
    }

    [Fact]
    public void A_hyphen_and_digit_inside_the_number_is_no_name_association()
    {
        var (docs, _) = Parse("/P/GBR/AB-12345/GBR/01JAN70/F/01JAN30/SMITH/JANE");

        Assert.Equal("AB-12345", docs.Number);
        Assert.Null(docs.NameAssociation);
        Assert.Equal("SMITH", docs.Surname);
    }

    [Theory]
    [InlineData("FI", "F")]
    [InlineData("MI", "M")]
    public void Infant_genders_mark_an_infant(string sent, string gender)
    {
        var (docs, _) = Parse($"/P/COL/AO234000/COL/10AUG23/{sent}/21DEC28/TESTSUR NAMETWO/TESTNAMETWO");

        Assert.True(docs.Infant);
        Assert.Equal(gender, docs.Gender);
        Assert.Equal("TESTSUR NAMETWO", docs.Surname);
    }

    [Fact]
    public void Adult_gender_is_no_infant()
    {
        var (docs, _) = Parse("/P/COL/AO234000/COL/10AUG80/F/21DEC28/A/B");

        Assert.False(docs.Infant);
    }

    [Fact]
    public void Accepts_a_missing_leading_slash_with_a_finding()
    {
        var (docs, findings) = Parse("P/MAR/AB1234567/MAR/12JUN85/M/01JAN30/EL AMRANI/YOUSSEF");

        Assert.Equal("P", docs.DocumentType);
        Assert.Equal("EL AMRANI", docs.Surname);
        Assert.Equal(["docs-no-leading-slash"], Codes(findings));
    }

    [Fact]
    public void Two_digit_years_put_birth_in_the_past_and_expiry_up_to_eighty_years_ahead()
    {
        var (docs, _) = Parse("/P/GBR/1/GBR/01JAN30/M/01JAN99/A/B");

        Assert.Equal(new DateOnly(1930, 1, 1), docs.DateOfBirth);
        Assert.Equal(new DateOnly(2099, 1, 1), docs.Expiry);

        var (expired, _) = Parse("/P/GBR/1/GBR/01JAN30/M/01JAN06/A/B");
        Assert.Equal(new DateOnly(2006, 1, 1), expired.Expiry);

        var (born, _) = Parse("/P/GBR/1/GBR/14MAR25/M/01JAN06/A/B");
        Assert.Equal(new DateOnly(2025, 3, 14), born.DateOfBirth);

        var (tomorrow, _) = Parse("/P/GBR/1/GBR/15MAR25/M/01JAN06/A/B");
        Assert.Equal(new DateOnly(1925, 3, 15), tomorrow.DateOfBirth);
    }

    [Fact]
    public void A_birth_date_later_in_the_reference_month_lies_a_century_back()
    {
        var findings = new List<SsrFinding>();
        var docs = SsrParsers.ParseDocs("/P/GBR/1/GBR/31MAR25/M/01JAN30/A/B", new DateOnly(2025, 3, 29), findings);

        Assert.Equal(new DateOnly(1925, 3, 31), docs.DateOfBirth);
    }

    [Fact]
    public void An_impossible_date_is_dropped_with_a_finding()
    {
        var (docs, findings) = Parse("/P/GBR/1/GBR/31FEB80/M/01JAN30/A/B");

        Assert.Null(docs.DateOfBirth);
        Assert.Equal(["docs-bad-date"], Codes(findings));
    }

    [Fact]
    public void An_unknown_gender_is_dropped_with_a_finding()
    {
        var (docs, findings) = Parse("/P/GBR/1/GBR/01JAN80/Q/01JAN30/A/B");

        Assert.Null(docs.Gender);
        Assert.Contains("docs-unknown-gender", Codes(findings));
    }

    [Fact]
    public void Empty_text_gives_an_empty_document_and_a_finding()
    {
        var (docs, findings) = Parse("   ");

        Assert.Null(docs.Surname);
        Assert.Equal(["docs-empty"], Codes(findings));
    }

    [Fact]
    public void Every_docs_in_the_shared_pnrgov_samples_reads_a_surname_and_a_date()
    {
        var texts = PnrgovSamples.SsrTexts("DOCS").ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} DOCS found");

        foreach (var text in texts)
        {
            var (docs, findings) = Parse(text);
            Assert.False(string.IsNullOrEmpty(docs.Surname), text);
            Assert.True(docs.DateOfBirth is not null, text);
            Assert.DoesNotContain(findings, f => f.Code is "docs-field-shift" or "docs-bad-date" or "docs-unknown-gender");
        }
    }
}
