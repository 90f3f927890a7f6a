using Vigil.Travel.Codes;

namespace Vigil.Travel.Tests.Ssr;

public class CountryCodesTests
{
    [Theory]
    [InlineData("MA", "MAR")]
    [InlineData("ma", "MAR")]
    [InlineData("GB", "GBR")]
    [InlineData("UK", "GBR")]
    [InlineData("EL", "GRC")]
    [InlineData("LI", "LIE")]
    [InlineData("MAR", "MAR")]
    [InlineData("XXA", "XXA")]
    [InlineData("UNO", "UNO")]
    [InlineData("GBD", "GBD")]
    [InlineData("EUE", "EUE")]
    [InlineData("RKS", "RKS")]
    [InlineData("D", "DEU")]
    [InlineData("QQ", null)]
    [InlineData("QQQ", null)]
    [InlineData("0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ToAlpha3_maps_alpha2_and_passes_alpha3(string? code, string? alpha3)
    {
        Assert.Equal(alpha3, CountryCodes.ToAlpha3(code));
    }

    [Theory]
    [InlineData("FR", true)]
    [InlineData("UK", true)]
    [InlineData("FRA", false)]
    [InlineData("QQ", false)]
    [InlineData("", false)]
    public void IsAlpha2_knows_the_table(string code, bool alpha2)
    {
        Assert.Equal(alpha2, CountryCodes.IsAlpha2(code));
    }
}
