using Vigil.Data.Identity;

namespace Vigil.Data.Tests.Identity;

public sealed class PersonNameKeyTests
{
    private static readonly DateOnly Born = new(1975, 6, 14);

    [Theory]
    [InlineData("ABDULLAH", "ABDALLAH")]
    [InlineData("QURESHI", "QURASHI")]
    [InlineData("AL-QURASHI", "QURASHI")]
    [InlineData("EL RACHID", "RACHID")]
    [InlineData("Hassan", "HASAN")]
    public void Spellings_of_one_surname_share_the_key(string one, string other) =>
        Assert.Equal(PersonNameKey.Of(Born, one), PersonNameKey.Of(Born, other));

    [Fact]
    public void The_key_holds_the_birth_date_so_another_day_or_another_surname_is_another_key()
    {
        var key = PersonNameKey.Of(Born, "OKONKWO");
        Assert.StartsWith("1975-06-14 ", key, StringComparison.Ordinal);
        Assert.NotEqual(key, PersonNameKey.Of(Born.AddDays(1), "OKONKWO"));
        Assert.NotEqual(key, PersonNameKey.Of(Born, "OKAFOR"));
    }

    [Fact]
    public void Without_a_birth_date_or_a_surname_there_is_no_key()
    {
        Assert.Null(PersonNameKey.Of(null, "OKONKWO"));
        Assert.Null(PersonNameKey.Of(Born, " "));
    }
}
