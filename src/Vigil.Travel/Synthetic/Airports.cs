namespace Vigil.Travel.Synthetic;

/// <summary>An airport a synthetic flight may use, with the ICAO country code a PAXLST prints for it.</summary>
internal sealed record Airport(string Code, string Country);

/// <summary>An operating carrier and the airport it flies most from.</summary>
internal sealed record Carrier(string Code, string Hub);

internal static class Airports
{
    public static IReadOnlyList<Airport> All { get; } =
    [
        new("CMN", "MAR"), new("RAK", "MAR"), new("IST", "TUR"), new("CDG", "FRA"), new("ORY", "FRA"), new("LHR", "GBR"),
        new("MAN", "GBR"), new("FRA", "DEU"), new("MUC", "DEU"), new("AMS", "NLD"), new("BRU", "BEL"), new("MAD", "ESP"),
        new("BCN", "ESP"), new("FCO", "ITA"), new("MXP", "ITA"), new("LIS", "PRT"), new("DUB", "IRL"), new("CPH", "DNK"),
        new("ARN", "SWE"), new("WAW", "POL"), new("PRG", "CZE"), new("BEG", "SRB"), new("KBP", "UKR"), new("DXB", "ARE"),
        new("AUH", "ARE"), new("DOH", "QAT"), new("JED", "SAU"), new("RUH", "SAU"), new("AMM", "JOR"), new("CAI", "EGY"),
        new("BEY", "LBN"), new("ALG", "DZA"), new("TUN", "TUN"), new("DEL", "IND"), new("BOM", "IND"), new("KHI", "PAK"),
        new("DAC", "BGD"), new("CMB", "LKA"), new("PEK", "CHN"), new("PVG", "CHN"), new("CAN", "CHN"), new("HKG", "HKG"),
        new("SIN", "SGP"), new("KUL", "MYS"), new("ICN", "KOR"), new("NRT", "JPN"), new("LOS", "NGA"), new("ACC", "GHA"),
        new("DSS", "SEN"), new("NBO", "KEN"), new("ADD", "ETH"), new("JNB", "ZAF"), new("JFK", "USA"), new("IAD", "USA"),
        new("ORD", "USA"), new("YYZ", "CAN"), new("GRU", "BRA"), new("MEX", "MEX"), new("EZE", "ARG"), new("SYD", "AUS"),
    ];

    public static IReadOnlyList<Carrier> Carriers { get; } =
    [
        new("AT", "CMN"), new("TK", "IST"), new("AF", "CDG"), new("BA", "LHR"), new("LH", "FRA"), new("KL", "AMS"),
        new("IB", "MAD"), new("AZ", "FCO"), new("TP", "LIS"), new("LO", "WAW"), new("EK", "DXB"), new("EY", "AUH"),
        new("QR", "DOH"), new("SV", "JED"), new("RJ", "AMM"), new("MS", "CAI"), new("AI", "DEL"), new("PK", "KHI"),
        new("CA", "PEK"), new("SQ", "SIN"), new("KE", "ICN"), new("ET", "ADD"), new("KQ", "NBO"), new("AA", "JFK"),
        new("AC", "YYZ"), new("LA", "GRU"),
    ];

    public static Airport Find(string code)
    {
        foreach (var airport in All)
        {
            if (airport.Code == code)
            {
                return airport;
            }
        }

        throw new KeyNotFoundException($"No synthetic airport {code}.");
    }
}
