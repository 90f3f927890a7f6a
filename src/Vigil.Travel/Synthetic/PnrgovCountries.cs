namespace Vigil.Travel.Synthetic;

/// <summary>
/// What a synthetic PNR needs to know about a country beyond its alpha-3 code: the alpha-2 code that booking
/// systems print in ORG and that some DOCS senders use instead of alpha-3, the currency a local agency sells in,
/// and a city for addresses.
/// </summary>
internal sealed record PnrgovCountry(string Alpha3, string Alpha2, string Currency, string City, string PostcodePattern);

internal static class PnrgovCountries
{
    private static readonly Dictionary<string, PnrgovCountry> ByAlpha3 = Build(
    [
        new("MAR", "MA", "MAD", "CASABLANCA", "#####"), new("TUR", "TR", "TRY", "ISTANBUL", "#####"),
        new("FRA", "FR", "EUR", "PARIS", "#####"), new("GBR", "GB", "GBP", "LONDON", "@@# #@@"),
        new("DEU", "DE", "EUR", "FRANKFURT", "#####"), new("NLD", "NL", "EUR", "AMSTERDAM", "#### @@"),
        new("BEL", "BE", "EUR", "BRUSSELS", "####"), new("ESP", "ES", "EUR", "MADRID", "#####"),
        new("ITA", "IT", "EUR", "ROMA", "#####"), new("PRT", "PT", "EUR", "LISBOA", "####-###"),
        new("IRL", "IE", "EUR", "DUBLIN", "@## @@##"), new("DNK", "DK", "DKK", "KOBENHAVN", "####"),
        new("SWE", "SE", "SEK", "STOCKHOLM", "### ##"), new("POL", "PL", "PLN", "WARSZAWA", "##-###"),
        new("CZE", "CZ", "CZK", "PRAHA", "### ##"), new("SRB", "RS", "RSD", "BEOGRAD", "#####"),
        new("UKR", "UA", "UAH", "KYIV", "#####"), new("ARE", "AE", "AED", "DUBAI", ""),
        new("QAT", "QA", "QAR", "DOHA", ""), new("SAU", "SA", "SAR", "JEDDAH", "#####"),
        new("JOR", "JO", "JOD", "AMMAN", "#####"), new("EGY", "EG", "EGP", "CAIRO", "#####"),
        new("LBN", "LB", "LBP", "BEIRUT", "#### ####"), new("DZA", "DZ", "DZD", "ALGER", "#####"),
        new("TUN", "TN", "TND", "TUNIS", "####"), new("IND", "IN", "INR", "MUMBAI", "######"),
        new("PAK", "PK", "PKR", "KARACHI", "#####"), new("BGD", "BD", "BDT", "DHAKA", "####"),
        new("LKA", "LK", "LKR", "COLOMBO", "#####"), new("CHN", "CN", "CNY", "BEIJING", "######"),
        new("HKG", "HK", "HKD", "HONG KONG", ""), new("SGP", "SG", "SGD", "SINGAPORE", "######"),
        new("MYS", "MY", "MYR", "KUALA LUMPUR", "#####"), new("KOR", "KR", "KRW", "SEOUL", "#####"),
        new("JPN", "JP", "JPY", "TOKYO", "###-####"), new("NGA", "NG", "NGN", "LAGOS", "######"),
        new("GHA", "GH", "GHS", "ACCRA", ""), new("SEN", "SN", "XOF", "DAKAR", "#####"),
        new("KEN", "KE", "KES", "NAIROBI", "#####"), new("ETH", "ET", "ETB", "ADDIS ABABA", "####"),
        new("ZAF", "ZA", "ZAR", "JOHANNESBURG", "####"), new("USA", "US", "USD", "NEW YORK", "#####"),
        new("CAN", "CA", "CAD", "TORONTO", "@#@ #@#"), new("BRA", "BR", "BRL", "SAO PAULO", "#####-###"),
        new("MEX", "MX", "MXN", "MEXICO", "#####"), new("ARG", "AR", "ARS", "BUENOS AIRES", "@####@@@"),
        new("AUS", "AU", "AUD", "SYDNEY", "####"), new("IRQ", "IQ", "IQD", "BAGHDAD", "#####"),
        new("SYR", "SY", "SYP", "DAMASCUS", ""), new("YEM", "YE", "YER", "SANAA", ""),
        new("COL", "CO", "COP", "BOGOTA", "######"), new("CHE", "CH", "CHF", "ZURICH", "####"),
        new("NOR", "NO", "NOK", "OSLO", "####"), new("RUS", "RU", "RUB", "MOSKVA", "######"),
        new("HRV", "HR", "EUR", "ZAGREB", "#####"), new("BGR", "BG", "BGN", "SOFIA", "####"),
        new("BLR", "BY", "BYN", "MINSK", "######"), new("SVK", "SK", "EUR", "BRATISLAVA", "### ##"),
        new("TWN", "TW", "TWD", "TAIPEI", "###"), new("NPL", "NP", "NPR", "KATHMANDU", "#####"),
        new("MLI", "ML", "XOF", "BAMAKO", ""), new("SLE", "SL", "SLE", "FREETOWN", ""),
        new("CIV", "CI", "XOF", "ABIDJAN", ""), new("CMR", "CM", "XAF", "DOUALA", ""),
        new("GIN", "GN", "GNF", "CONAKRY", ""),
    ]);

    /// <summary>The country, or a stand-in that repeats the alpha-3 code when the table does not hold it.</summary>
    public static PnrgovCountry Find(string alpha3) =>
        ByAlpha3.TryGetValue(alpha3, out var country) ? country : new(alpha3, alpha3, "USD", "CAPITAL CITY", "");

    private static Dictionary<string, PnrgovCountry> Build(PnrgovCountry[] countries) =>
        countries.ToDictionary(c => c.Alpha3, StringComparer.Ordinal);
}
