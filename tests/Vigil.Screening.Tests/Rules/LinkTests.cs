using Vigil.Screening.Rules;
using static Vigil.Screening.Tests.Rules.RuleTesting;

namespace Vigil.Screening.Tests.Rules;

/// <summary>Link terms: identifiers shared with watch-listed persons, confirmed hits and co-travelers who hit, compared in normalised form.</summary>
public class LinkTests
{
    private static readonly LinkSource Listed = new(LinkSourceKind.WatchListed, "UN:QDi.900");
    private static readonly LinkSource Confirmed = new(LinkSourceKind.ConfirmedHit, "HIT-4411");

    [Theory]
    // Written another way than the traveler's, each still links once normalised.
    [InlineData(LinkKind.Phone, "0031 6 12345678", "phone")]
    [InlineData(LinkKind.Phone, "+90-212-555-0101", "phone")]
    [InlineData(LinkKind.Email, "samir.haddad@example.COM", "email")]
    [InlineData(LinkKind.Email, "bookings@agency.example", "email")]
    [InlineData(LinkKind.Address, "12 Keizersgracht, 1015 CJ Amsterdam, NLD", "address")]
    [InlineData(LinkKind.Card, "xxxxxxxxxxxx4242", "card")]
    [InlineData(LinkKind.FrequentFlyer, "TK-123456789", "frequentFlyer")]
    [InlineData(LinkKind.Agency, "isttk0042", "agency")]
    public void A_shared_identifier_links_with_its_source_kind_only(LinkKind kind, string written, string link)
    {
        var listed = new LinkDirectory().Add(kind, written, Listed);
        Assert.True(Fires(new LinkTerm(link, "watchListed"), environment: Environment(listed)));
        Assert.False(Fires(new LinkTerm(link, "confirmedHit"), environment: Environment(listed)));
        var confirmed = new LinkDirectory().Add(kind, written, Confirmed);
        Assert.True(Fires(new LinkTerm(link, "confirmedHit"), environment: Environment(confirmed)));
        Assert.False(Fires(new LinkTerm(link, "watchListed"), environment: Environment(confirmed)));
    }

    [Fact]
    public void A_different_identifier_does_not_link()
    {
        var links = new LinkDirectory()
            .Add(LinkKind.Phone, "+31 6 9999 9999", Listed)
            .Add(LinkKind.Email, "someone@example.com", Listed)
            .Add(LinkKind.Card, "XXXXXXXXXXXX4243", Listed)
            .Add(LinkKind.Address, "14 Keizersgracht 1015 CJ Amsterdam NLD", Listed);
        foreach (var link in (string[])["phone", "email", "card", "address", "frequentFlyer", "agency"])
        {
            Assert.False(Fires(new LinkTerm(link, "watchListed"), environment: Environment(links)), link);
        }
    }

    [Fact]
    public void A_co_traveler_who_hit_links_through_their_own_phone_and_the_booking()
    {
        var links = new LinkDirectory().MarkHit(Booking, CoTraveler, "watchlist", "UN:QDi.901", "new");
        // Lina's phone 0031612345678 is Samir's +31 (6) 1234-5678.
        Assert.True(Fires(new LinkTerm("phone", "bookingHit"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("email", "bookingHit"), environment: Environment(links)));
        Assert.True(Fires(new LinkTerm("booking", "bookingHit"), environment: Environment(links)));
        Assert.True(Fires(new LinkTerm("booking", "watchListed"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("booking", "confirmedHit"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("booking", "bookingHit")));
    }

    [Fact]
    public void A_confirmed_hit_on_a_co_traveler_makes_a_co_traveler_of_a_confirmed_hit()
    {
        var links = new LinkDirectory().MarkHit(Booking, CoTraveler, "rule", "NL-ROUTE-007", "confirmed");
        Assert.True(Fires(new LinkTerm("booking", "confirmedHit"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("booking", "watchListed"), environment: Environment(links)));
    }

    [Fact]
    public void The_travelers_own_hit_does_not_link_them_to_themselves()
    {
        var links = new LinkDirectory().MarkHit(Booking, Traveler, "watchlist", "UN:QDi.902", "confirmed");
        Assert.False(Fires(new LinkTerm("booking", "bookingHit"), environment: Environment(links)));
        Assert.False(Fires(new LinkTerm("phone", "bookingHit"), environment: Environment(links)));
    }

    [Fact]
    public void Normalisation_keeps_phones_as_their_last_digits_and_emails_case_folded()
    {
        Assert.Equal("612345678", LinkDirectory.Normalise(LinkKind.Phone, "+31 (6) 1234-5678"));
        Assert.Equal("SAMIR@EXAMPLE.COM", LinkDirectory.Normalise(LinkKind.Email, " samir//example.com "));
        Assert.Equal("12 RUE DE LA PAIX", LinkDirectory.Normalise(LinkKind.Address, "12, rue de la Paix"));
        Assert.Null(LinkDirectory.Normalise(LinkKind.Phone, "n/a"));
        Assert.Throws<InvalidOperationException>(() => LinkDirectory.Empty.Add(LinkKind.Phone, "1", Listed));
    }
}
