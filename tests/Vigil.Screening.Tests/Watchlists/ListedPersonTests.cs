using Vigil.Screening.Watchlists;

namespace Vigil.Screening.Tests.Watchlists;

public class ListedPersonTests
{
    [Theory]
    [InlineData("CAR diplomatic passport no. D00000898", "CARDIPLOMATICPASSPORTNOD00000898")]
    [InlineData("OB 0243318", "OB0243318")]
    [InlineData("a-12/34", "A1234")]
    public void Document_numbers_are_reduced_to_upper_case_letters_and_digits(string number, string expected) =>
        Assert.Equal(expected, new ListedDocument("Passport", number).NormalizedNumber);

    [Fact]
    public void Birth_date_precision_follows_what_the_list_gave()
    {
        Assert.Equal(BirthDatePrecision.Exact, ListedBirthDate.Exact(new DateOnly(1961, 7, 30)).Precision);
        Assert.Equal(BirthDatePrecision.Year, ListedBirthDate.Year(1961).Precision);
        Assert.Equal(BirthDatePrecision.Approximate, ListedBirthDate.Year(1961, approximate: true).Precision);
        Assert.Equal(BirthDatePrecision.Range, ListedBirthDate.Range(1960, 1963).Precision);
        Assert.Equal("1961-07-30", ListedBirthDate.Exact(new DateOnly(1961, 7, 30)).ToString());
    }
}
