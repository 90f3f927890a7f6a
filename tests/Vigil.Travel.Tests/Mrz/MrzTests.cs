using Vigil.Travel.Mrz;

namespace Vigil.Travel.Tests.Mrz;

public class MrzCheckDigitTests
{
    [Theory]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("L898902C3", 6)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("D23145890", 7)]
    [InlineData("<<<<<<", 0)]
    public void Computes_the_Doc_9303_specimen_digits(string field, int expected) =>
        Assert.Equal(expected, MrzCheckDigit.Compute(field));

    [Fact]
    public void Composite_of_the_TD3_specimen_is_0()
    {
        const string line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
        var composite = string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22));
        Assert.Equal(0, MrzCheckDigit.Compute(composite));
    }

    [Fact]
    public void Composite_of_the_TD1_specimen_is_6()
    {
        const string line1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
        const string line2 = "7408122F1204159UTO<<<<<<<<<<<6";
        var composite = string.Concat(line1.AsSpan(5, 25), line2.AsSpan(0, 7), line2.AsSpan(8, 7), line2.AsSpan(18, 11));
        Assert.Equal(6, MrzCheckDigit.Compute(composite));
    }

    [Fact]
    public void Rejects_characters_outside_the_MRZ_set()
    {
        Assert.Throws<ArgumentException>(() => MrzCheckDigit.Compute("ab1"));
        Assert.False(MrzCheckDigit.IsValid("L898902c3", '6'));
    }

    [Fact]
    public void Filler_check_digit_stands_for_zero() => Assert.True(MrzCheckDigit.IsValid("<<<<<<<<<<<<<<", '<'));
}

public class Td3MrzTests
{
    private static readonly PassportDataPage Anna = new("P", "UTO", "Eriksson", "Anna Maria", "L898902C3", "UTO",
        new DateOnly(1974, 8, 12), 'F', new DateOnly(2012, 4, 15), "ZE184226B");

    [Fact]
    public void Writes_the_Utopia_specimen()
    {
        var mrz = Td3Mrz.Create(Anna);

        Assert.Equal("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", mrz.Line1);
        Assert.Equal("L898902C36UTO7408122F1204159ZE184226B<<<<<10", mrz.Line2);
        Assert.Empty(mrz.FailedChecks());
    }

    [Fact]
    public void Reads_fields_back()
    {
        var mrz = Td3Mrz.Create(Anna);

        Assert.Equal("L898902C3", mrz.DocumentNumber);
        Assert.Equal("UTO", mrz.Nationality);
        Assert.Equal("740812", mrz.DateOfBirth);
        Assert.Equal('F', mrz.Sex);
        Assert.Equal("120415", mrz.Expiry);
        Assert.Equal("ZE184226B", mrz.OptionalData);
    }

    [Theory]
    [InlineData(0, "document number")]
    [InlineData(15, "date of birth")]
    [InlineData(23, "expiry")]
    [InlineData(30, "optional data")]
    public void Names_the_field_whose_check_digit_fails(int position, string field)
    {
        var line2 = Td3Mrz.Create(Anna).Line2.ToCharArray();
        // One step in value always moves the weighted sum by 7, 3 or 1, which no check digit can miss.
        line2[position] = line2[position] switch { '<' => '1', '9' => '8', 'Z' => 'Y', var c => (char)(c + 1) };

        var failed = new Td3Mrz(Td3Mrz.Create(Anna).Line1, new string(line2)).FailedChecks();

        Assert.Contains(field, failed);
        Assert.Contains("composite", failed);
    }

    [Fact]
    public void Empty_optional_data_carries_filler_check_digit()
    {
        var mrz = Td3Mrz.Create(Anna with { OptionalData = "" });

        Assert.Equal("<<<<<<<<<<<<<<<", mrz.Line2[28..43]);
        Assert.True(mrz.IsValid);
    }

    [Fact]
    public void Unspecified_sex_is_filler() => Assert.Equal('<', Td3Mrz.Create(Anna with { Sex = 'U' }).Sex);

    [Fact]
    public void Long_names_are_cut_at_39_characters()
    {
        var mrz = Td3Mrz.Create(Anna with { Surname = "Abd al-Rahman bin Abdullah al-Qurashi", GivenNames = "Mohammed Khalid" });

        Assert.Equal(44, mrz.Line1.Length);
        Assert.Equal("ABD<AL<RAHMAN<BIN<ABDULLAH<AL<QURASHI<<", mrz.Line1[5..]);
    }

    [Fact]
    public void Refuses_a_document_number_longer_than_nine() =>
        Assert.Throws<ArgumentException>(() => Td3Mrz.Create(Anna with { DocumentNumber = "YY3478621G1" }));

    [Fact]
    public void Malformed_lines_fail_as_a_whole() => Assert.Equal(["format"], new Td3Mrz("P<UTO", "x").FailedChecks());
}

public class MrzTextTests
{
    [Theory]
    [InlineData("O'Neill", "ONEILL")]
    [InlineData("N’Diaye", "NDIAYE")]
    [InlineData("Jean-Pierre", "JEAN<PIERRE")]
    [InlineData("el  Amrani", "EL<AMRANI")]
    [InlineData(" de la Cruz ", "DE<LA<CRUZ")]
    [InlineData("Müller", "MUELLER")]
    [InlineData("Åsa Sørensen", "AASA<SOERENSEN")]
    [InlineData("Łukasz Wiśniewski", "LUKASZ<WISNIEWSKI")]
    [InlineData("Gonçalves Núñez", "GONCALVES<NUNEZ")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("Иванов", "IVANOV")]
    [InlineData("Щукина Юлия", "SHCHUKINA<IULIIA")]
    [InlineData("Игорь", "IGOR")]
    public void Transliterates_to_MRZ_characters(string printed, string expected) =>
        Assert.Equal(expected, MrzText.Transliterate(printed));

    [Fact]
    public void Folding_keeps_punctuation() => Assert.Equal("D'ANGELO-MUELLER", MrzText.FoldToLatin("D'ANGELO-MÜLLER"));
}
