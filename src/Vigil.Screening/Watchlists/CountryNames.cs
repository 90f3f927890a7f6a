using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Vigil.Travel.Codes;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Country names as sanctions lists write them, mapped to ISO 3166-1 alpha-3 so that a listed nationality compares
/// with the code on a passport. Lists use UN formal names ("Iran (Islamic Republic of)"), OFAC short names
/// ("Korea, North", "Burma") and adjectives in free text, so each country carries every spelling seen.
/// </summary>
internal static class CountryNames
{
    // alpha-3, then every spelling separated by '|'. Keys are compared after Key() folds case, accents and punctuation.
    private const string Table = """
        AFG Afghanistan|Afghan
        ALA Aland Islands
        ALB Albania|Albanian
        DZA Algeria|Algerian
        ASM American Samoa
        AND Andorra
        AGO Angola|Angolan
        AIA Anguilla
        ATA Antarctica
        ATG Antigua and Barbuda
        ARG Argentina|Argentine|Argentinian
        ARM Armenia|Armenian
        ABW Aruba
        AUS Australia|Australian
        AUT Austria|Austrian
        AZE Azerbaijan|Azerbaijani
        BHS Bahamas|The Bahamas|Bahamas, The
        BHR Bahrain|Bahraini
        BGD Bangladesh|Bangladeshi
        BRB Barbados
        BLR Belarus|Belarusian|Belarussian
        BEL Belgium|Belgian
        BLZ Belize
        BEN Benin
        BMU Bermuda
        BTN Bhutan
        BOL Bolivia|Bolivia (Plurinational State of)|Plurinational State of Bolivia|Bolivian
        BES Bonaire, Sint Eustatius and Saba
        BIH Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia|Bosnian
        BWA Botswana
        BVT Bouvet Island
        BRA Brazil|Brazilian
        IOT British Indian Ocean Territory
        VGB British Virgin Islands|Virgin Islands, British|Virgin Islands (British)
        BRN Brunei|Brunei Darussalam
        BGR Bulgaria|Bulgarian
        BFA Burkina Faso
        BDI Burundi|Burundian
        CPV Cabo Verde|Cape Verde
        KHM Cambodia|Cambodian
        CMR Cameroon|Cameroonian
        CAN Canada|Canadian
        CYM Cayman Islands
        CAF Central African Republic
        TCD Chad|Chadian
        CHL Chile|Chilean
        CHN China|People's Republic of China|Chinese
        CXR Christmas Island
        CCK Cocos (Keeling) Islands
        COL Colombia|Colombian
        COM Comoros
        COG Congo|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville
        COD Democratic Republic of the Congo|Congo, Democratic Republic of the|DR Congo|DRC|Congolese
        COK Cook Islands
        CRI Costa Rica
        CIV Cote d'Ivoire|Ivory Coast|Ivorian
        HRV Croatia|Croatian
        CUB Cuba|Cuban
        CUW Curacao
        CYP Cyprus|Cypriot
        CZE Czechia|Czech Republic|Czech
        DNK Denmark|Danish
        DJI Djibouti
        DMA Dominica
        DOM Dominican Republic
        ECU Ecuador|Ecuadorian
        EGY Egypt|Egyptian
        SLV El Salvador|Salvadoran
        GNQ Equatorial Guinea
        ERI Eritrea|Eritrean
        EST Estonia|Estonian
        SWZ Eswatini|Swaziland
        ETH Ethiopia|Ethiopian
        FLK Falkland Islands|Falkland Islands (Malvinas)
        FRO Faroe Islands
        FJI Fiji
        FIN Finland|Finnish
        FRA France|French
        GUF French Guiana
        PYF French Polynesia
        ATF French Southern Territories
        GAB Gabon|Gabonese
        GMB Gambia|The Gambia|Gambia, The
        GEO Georgia|Georgian
        DEU Germany|German|Federal Republic of Germany
        GHA Ghana|Ghanaian
        GIB Gibraltar
        GRC Greece|Greek
        GRL Greenland
        GRD Grenada
        GLP Guadeloupe
        GUM Guam
        GTM Guatemala|Guatemalan
        GGY Guernsey
        GIN Guinea|Guinean
        GNB Guinea-Bissau|Guinea Bissau
        GUY Guyana
        HTI Haiti|Haitian
        HMD Heard Island and McDonald Islands
        VAT Holy See|Vatican|Vatican City
        HND Honduras|Honduran
        HKG Hong Kong|Hong Kong SAR|China, Hong Kong Special Administrative Region
        HUN Hungary|Hungarian
        ISL Iceland
        IND India|Indian
        IDN Indonesia|Indonesian
        IRN Iran|Iran (Islamic Republic of)|Islamic Republic of Iran|Iranian
        IRQ Iraq|Iraqi
        IRL Ireland|Irish
        IMN Isle of Man
        ISR Israel|Israeli
        ITA Italy|Italian
        JAM Jamaica|Jamaican
        JPN Japan|Japanese
        JEY Jersey
        JOR Jordan|Jordanian
        KAZ Kazakhstan|Kazakh
        KEN Kenya|Kenyan
        KIR Kiribati
        PRK Democratic People's Republic of Korea|Korea, North|North Korea|Korea, Democratic People's Republic of|DPRK|North Korean
        KOR Republic of Korea|Korea, South|South Korea|Korea, Republic of|South Korean
        XKX Kosovo
        KWT Kuwait|Kuwaiti
        KGZ Kyrgyzstan|Kyrgyz Republic|Kyrgyz
        LAO Lao People's Democratic Republic|Laos
        LVA Latvia|Latvian
        LBN Lebanon|Lebanese
        LSO Lesotho
        LBR Liberia|Liberian
        LBY Libya|Libyan Arab Jamahiriya|Libyan
        LIE Liechtenstein
        LTU Lithuania|Lithuanian
        LUX Luxembourg
        MAC Macao|Macau
        MDG Madagascar
        MWI Malawi
        MYS Malaysia|Malaysian
        MDV Maldives
        MLI Mali|Malian
        MLT Malta|Maltese
        MHL Marshall Islands
        MTQ Martinique
        MRT Mauritania|Mauritanian
        MUS Mauritius
        MYT Mayotte
        MEX Mexico|Mexican
        FSM Micronesia|Micronesia (Federated States of)|Micronesia, Federated States of
        MDA Moldova|Republic of Moldova|Moldova, Republic of|Moldovan
        MCO Monaco
        MNG Mongolia|Mongolian
        MNE Montenegro
        MSR Montserrat
        MAR Morocco|Moroccan
        MOZ Mozambique
        MMR Myanmar|Burma|Burmese
        NAM Namibia
        NRU Nauru
        NPL Nepal|Nepalese
        NLD Netherlands|Kingdom of the Netherlands|Dutch|Holland
        NCL New Caledonia
        NZL New Zealand
        NIC Nicaragua|Nicaraguan
        NER Niger|Nigerien
        NGA Nigeria|Nigerian
        NIU Niue
        NFK Norfolk Island
        MKD North Macedonia|Macedonia|The former Yugoslav Republic of Macedonia|Macedonia, The Former Yugoslav Republic of
        MNP Northern Mariana Islands
        NOR Norway|Norwegian
        OMN Oman|Omani
        PAK Pakistan|Pakistani
        PLW Palau
        PSE State of Palestine|Palestine|Palestinian|Palestinian Territories|West Bank|Gaza|Occupied Palestinian Territory
        PAN Panama|Panamanian
        PNG Papua New Guinea
        PRY Paraguay|Paraguayan
        PER Peru|Peruvian
        PHL Philippines|Philippine|Filipino
        PCN Pitcairn
        POL Poland|Polish
        PRT Portugal|Portuguese
        PRI Puerto Rico
        QAT Qatar|Qatari
        REU Reunion
        ROU Romania|Romanian
        RUS Russian Federation|Russia|Russian
        RWA Rwanda|Rwandan
        BLM Saint Barthelemy
        SHN Saint Helena
        KNA Saint Kitts and Nevis
        LCA Saint Lucia
        MAF Saint Martin
        SPM Saint Pierre and Miquelon
        VCT Saint Vincent and the Grenadines
        WSM Samoa
        SMR San Marino
        STP Sao Tome and Principe
        SAU Saudi Arabia|Saudi
        SEN Senegal|Senegalese
        SRB Serbia|Serbian
        SYC Seychelles
        SLE Sierra Leone
        SGP Singapore|Singaporean
        SXM Sint Maarten
        SVK Slovakia|Slovak
        SVN Slovenia|Slovenian
        SLB Solomon Islands
        SOM Somalia|Somali
        ZAF South Africa|South African
        SGS South Georgia and the South Sandwich Islands
        SSD South Sudan|South Sudanese
        ESP Spain|Spanish
        LKA Sri Lanka|Sri Lankan
        SDN Sudan|Sudanese
        SUR Suriname
        SJM Svalbard and Jan Mayen
        SWE Sweden|Swedish
        CHE Switzerland|Swiss
        SYR Syrian Arab Republic|Syria|Syrian
        TWN Taiwan|Taiwan, Province of China
        TJK Tajikistan|Tajik
        TZA United Republic of Tanzania|Tanzania|Tanzania, United Republic of|Tanzanian
        THA Thailand|Thai
        TLS Timor-Leste|East Timor
        TGO Togo
        TKL Tokelau
        TON Tonga
        TTO Trinidad and Tobago
        TUN Tunisia|Tunisian
        TUR Turkiye|Turkey|Turkish
        TKM Turkmenistan|Turkmen
        TCA Turks and Caicos Islands
        TUV Tuvalu
        UGA Uganda|Ugandan
        UKR Ukraine|Ukrainian
        ARE United Arab Emirates|UAE|Emirati
        GBR United Kingdom of Great Britain and Northern Ireland|United Kingdom|UK|Great Britain|British
        USA United States of America|United States|USA|US|American
        UMI United States Minor Outlying Islands
        VIR United States Virgin Islands|Virgin Islands, U.S.|Virgin Islands (U.S.)
        URY Uruguay|Uruguayan
        UZB Uzbekistan|Uzbek
        VUT Vanuatu
        VEN Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela|Venezuelan
        VNM Viet Nam|Vietnam|Vietnamese
        WLF Wallis and Futuna
        ESH Western Sahara
        YEM Yemen|Yemeni
        ZMB Zambia|Zambian
        ZWE Zimbabwe|Zimbabwean
        """;

    private static readonly FrozenDictionary<string, string> ByKey = Build();

    /// <summary>The alpha-3 code for a country name, adjective or code as a list writes it; null when not recognised.</summary>
    public static string? ToAlpha3(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 3 && trimmed.All(char.IsAsciiLetterUpper) && CountryCodes.ToAlpha3(trimmed) is { } alpha3)
        {
            return alpha3;
        }

        return ByKey.GetValueOrDefault(Key(trimmed));
    }

    /// <summary>The alpha-3 code when the text names a country, otherwise the text as written (trimmed), or null when blank.</summary>
    public static string? CodeOrText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ToAlpha3(text) ?? TextCleaning.Collapse(text);
    }

    // Folds "Côte d’Ivoire", "COTE D'IVOIRE" and "Cote d Ivoire" onto one key, and drops a leading "the".
    private static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var key = builder.ToString().Trim();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = line[..3];
            foreach (var name in line[4..].Split('|'))
            {
                map.TryAdd(Key(name), code);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
