using System.Collections.Frozen;

namespace Vigil.Travel.Codes;

/// <summary>
/// Country codes as travel documents and booking text carry them: ISO 3166-1 alpha-3, the ICAO additions used
/// in machine-readable documents, and the alpha-2 codes booking systems put in SSR text instead.
/// </summary>
internal static class CountryCodes
{
    // ISO 3166-1 officially assigned codes, alpha-2 then alpha-3.
    private const string Iso =
        "AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA " +
        "AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES " +
        "BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK " +
        "CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA " +
        "DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA " +
        "GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS " +
        "GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND " +
        "IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA " +
        "KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA " +
        "LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ " +
        "MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC " +
        "NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM " +
        "PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC " +
        "SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV " +
        "SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON TR TUR " +
        "TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR " +
        "VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE";

    // Alpha-2 codes that are not ISO assignments but that booking systems send: UK and EL are the codes the
    // United Kingdom and Greece use inside the EU, XK the interim code for Kosovo.
    private const string ReservedAlpha2 = "UK GBR EL GRC XK XKX";

    // ICAO Doc 9303 additions and codes seen on real documents: stateless and refugee documents, UN and EU
    // issuers, the British nationality categories, Kosovo (RKS on its passports), and international
    // organisations that issue travel documents.
    private const string IcaoAlpha3 =
        "XXA XXB XXC XXX UNO UNA UNK EUE GBD GBN GBO GBP GBS XOM XPO XCC XES XBT XCE XEC XIM RKS XKX";

    private static readonly FrozenDictionary<string, string> Alpha2ToAlpha3 = BuildAlpha2();
    private static readonly FrozenSet<string> Alpha3 = BuildAlpha3();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Alpha3Lookup = Alpha3.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The alpha-3 code for <paramref name="code"/>: alpha-3 codes pass through, alpha-2 codes are mapped, and
    /// the ICAO one-letter code for Germany (<c>D</c>) becomes <c>DEU</c> so that it compares equal to the ISO
    /// code. Null when blank or unknown.
    /// </summary>
    public static string? ToAlpha3(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        return upper.Length switch
        {
            1 => upper == "D" ? "DEU" : null,
            2 => Alpha2ToAlpha3.GetValueOrDefault(upper),
            3 => Alpha3.Contains(upper) ? upper : null,
            _ => null,
        };
    }

    /// <summary>The table's own string for an upper-case alpha-3 code given as characters, or null: nothing is allocated.</summary>
    public static string? KnownAlpha3(ReadOnlySpan<char> code) =>
        code.Length == 3 && Alpha3Lookup.TryGetValue(code, out var known) ? known : null;

    public static bool IsAlpha2(string code) =>
        code is { Length: 2 } && Alpha2ToAlpha3.ContainsKey(code.ToUpperInvariant());

    private static FrozenDictionary<string, string> BuildAlpha2()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in new[] { Iso, ReservedAlpha2 })
        {
            var parts = table.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < parts.Length; i += 2)
            {
                map.Add(parts[i], parts[i + 1]);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenSet<string> BuildAlpha3()
    {
        var iso = Iso.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 2 == 1);
        return iso.Concat(IcaoAlpha3.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToFrozenSet(StringComparer.Ordinal);
    }
}
