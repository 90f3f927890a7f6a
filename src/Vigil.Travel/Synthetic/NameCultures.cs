namespace Vigil.Travel.Synthetic;

/// <summary>
/// Where a synthetic traveler's name comes from: the given names and surnames of one naming tradition, and the
/// nationalities that usually carry them. Spellings vary on purpose (several romanisations of one Arabic name,
/// particles glued, hyphenated or apart) because screening must cope with exactly that. A surname entry
/// <c>MALE/FEMALE</c> holds both forms where the tradition inflects it by sex.
/// </summary>
internal sealed record NameCulture(string Name, int Weight, string[] Nationalities, string[] MaleGiven, string[] FemaleGiven, string[] Surnames);

internal static class NameCultures
{
    public static IReadOnlyList<NameCulture> All { get; } =
    [
        new("Arabic", 22,
            ["MAR", "EGY", "JOR", "SAU", "ARE", "IRQ", "DZA", "TUN", "LBN", "QAT", "SYR", "YEM"],
            ["MOHAMMED", "MUHAMMAD", "MOHAMED", "MOHAMMAD", "MOHAMAD", "AHMED", "AHMAD", "ABDULLAH", "ABD ALLAH", "ABDALLAH",
             "ABDUL RAHMAN", "ABD AL-RAHMAN", "ABDELRAHMAN", "ABDEL KADER", "ABDULKADIR", "YOUSSEF", "YUSUF", "YOUSEF", "OMAR", "UMAR",
             "KHALED", "KHALID", "HASSAN", "HASAN", "HUSSEIN", "HUSAYN", "IBRAHIM", "MUSTAFA", "MOSTAFA", "TARIQ", "TAREK", "SAMIR"],
            ["FATIMA", "FATMA", "FATIMAH", "AISHA", "AICHA", "AYESHA", "MARIAM", "MARYAM", "KHADIJA", "KHADIJAH", "NOUR", "NUR",
             "LAYLA", "LEILA", "SALMA", "ZAINAB", "ZEINAB", "HANAN", "RANIA", "YASMINE", "YASMIN", "AMAL"],
            ["AL-RASHID", "AL RASHID", "ALRASHID", "EL-RACHID", "EL AMRANI", "AL-AMRANI", "AL-HASHIMI", "EL HACHIMI", "ALHASHEMI",
             "BIN SAEED", "BIN SAID", "IBN HAMAD", "BEN ALI", "BENALI", "ABDEL AZIZ", "ABDUL AZIZ", "ABD AL-AZIZ", "ABU BAKR",
             "ABOU BAKR", "HADDAD", "MANSOUR", "MANSUR", "NASSER", "NASIR", "AL-FARSI", "EL-MASRI", "AL MASRI", "KHALIL", "SALEH",
             "SALIH", "AL-QURASHI", "EL-ZEIN", "AL-TAMIMI", "ABDELKARIM", "BOUZID", "BENJELLOUN"]),
        new("Latin", 18,
            ["ESP", "ITA", "FRA", "PRT", "BRA", "MEX", "ARG", "COL", "BEL", "CHE"],
            ["JUAN", "JOSÉ", "JOSE LUIS", "LUCA", "MARCO", "GIUSEPPE", "PIERRE", "JEAN-PIERRE", "FRANÇOIS", "JOÃO", "PEDRO",
             "ANTONIO", "MIGUEL ANGEL", "THIAGO", "DIEGO", "ANDRÉ", "LOUIS"],
            ["MARÍA", "MARIA JOSE", "GIULIA", "FRANCESCA", "MARIE-CLAIRE", "CAMILLE", "ANA", "BEATRIZ", "LUCÍA", "INÊS",
             "SOFIA", "VALENTINA", "HÉLÈNE", "CHIARA"],
            ["GARCÍA", "MARTÍNEZ", "RODRÍGUEZ", "FERNÁNDEZ", "ROSSI", "RUSSO", "D'ANGELO", "DELL'ACQUA", "DE LA CRUZ",
             "DOS SANTOS", "DA SILVA", "GONÇALVES", "DUPONT", "LEFÈVRE", "FAURE-DUMONT", "MÜLLER", "NÚÑEZ", "SÁNCHEZ-VICARIO",
             "LÓPEZ", "BIANCHI", "PEREIRA", "VAN DEN BROECK"]),
        new("NorthWest European", 10,
            ["GBR", "IRL", "DEU", "NLD", "SWE", "NOR", "DNK", "USA", "CAN", "AUS"],
            ["JAMES", "SEAN", "PATRICK", "OLIVER", "THOMAS", "LARS", "SØREN", "JÜRGEN", "HENDRIK", "MICHAEL", "WILLIAM"],
            ["SIOBHAN", "EMMA", "SARAH", "CHARLOTTE", "INGRID", "ÅSA", "ANNA", "SOPHIE", "KATHARINA", "EMILY"],
            ["O'BRIEN", "O'NEILL", "MACDONALD", "MCCARTHY", "SMITH-JONES", "SCHMIDT", "SCHRÖDER", "VAN DER BERG", "DE JONG",
             "JOHANSSON", "SØRENSEN", "WILLIAMS", "TAYLOR", "BRADSHAW", "ÅBERG", "FITZGERALD"]),
        new("Slavic", 12,
            ["RUS", "UKR", "POL", "CZE", "SRB", "HRV", "BGR", "BLR", "SVK"],
            ["ALEKSANDR", "ALEXANDER", "DMITRY", "DMITRII", "SERGEI", "SERGEY", "PIOTR", "TOMÁŠ", "ŁUKASZ", "MIKHAIL", "YURIY",
             "IURII", "OLEKSANDR", "NIKOLA", "IVAN", "BOGDAN"],
            ["OLGA", "NATALIA", "NATALYA", "YULIA", "IULIIA", "KATARZYNA", "TATIANA", "TATYANA", "IRINA", "SVETLANA", "MARTA",
             "ANASTASIIA", "MILENA", "DANA"],
            ["IVANOV/IVANOVA", "PETROV/PETROVA", "KUZNETSOV/KUZNETSOVA", "SOKOLOV/SOKOLOVA", "KOWALSKI/KOWALSKA",
             "WIŚNIEWSKI/WIŚNIEWSKA", "NOVÁK/NOVÁKOVÁ", "DVOŘÁK/DVOŘÁKOVÁ", "SHEVCHENKO", "KOVALENKO", "HORVAT", "JOVANOVIĆ",
             "PETROVIĆ", "MELNYK", "BONDARENKO", "LEBEDEV/LEBEDEVA", "POPESCU-IVANOV"]),
        new("Chinese", 10,
            ["CHN", "SGP", "MYS", "TWN", "HKG"],
            ["WEI", "JIANGUO", "HAOYU", "ZIHAN", "YUXUAN", "JUN", "MING", "XIAOMING", "ZHIWEI", "CHEN YU"],
            ["JING", "LI NA", "MEI", "XIAOLING", "YUTING", "XIN", "FANG", "HUI MIN", "SHU FEN"],
            ["WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "XU", "SUN", "MA", "ZHU", "HU", "LIM", "TAN",
             "OUYANG", "SIMA"]),
        new("East Asian", 5,
            ["KOR", "JPN"],
            ["MIN-JUN", "JI-HOON", "SEO-JUN", "HIROSHI", "TAKUMI", "KENJI", "DAIKI"],
            ["JI-WOO", "SEO-YEON", "MIN-SEO", "YUKI", "HARUKA", "SAKURA", "AOI"],
            ["KIM", "LEE", "PARK", "CHOI", "JUNG", "SATO", "SUZUKI", "TAKAHASHI", "TANAKA", "WATANABE"]),
        new("South Asian", 12,
            ["IND", "PAK", "BGD", "LKA", "NPL"],
            ["RAHUL", "AMIT", "SANJAY", "ARJUN", "ANIL KUMAR", "VIKRAM", "MOHAMMAD ALI", "IMRAN", "SHAHID", "RAJESH", "NIMAL",
             "SURESH", "ABDUL KARIM", "MD RAFIQUL"],
            ["PRIYA", "SUNITA", "DEEPIKA", "LAKSHMI", "ANJALI", "AYESHA", "SHABANA", "NASREEN", "KAVYA", "DILRUKSHI", "POOJA"],
            ["SHARMA", "PATEL", "SINGH", "KUMAR", "GUPTA", "REDDY", "KHAN", "CHOWDHURY", "RAHMAN", "FERNANDO", "PERERA",
             "IYER", "BANERJEE", "HOSSAIN", "QURESHI", "MALIK", "DE SILVA", "NAIR"]),
        new("African", 11,
            ["NGA", "GHA", "SEN", "MLI", "KEN", "ZAF", "SLE", "ETH", "CIV", "CMR", "GIN"],
            ["CHINEDU", "OLUWASEUN", "KWAME", "KOFI", "MAMADOU", "SEKOU", "THABO", "ABEBE", "TESFAYE", "JEAN-BAPTISTE", "IBRAHIMA",
             "EMEKA", "OUSMANE"],
            ["NGOZI", "AMA", "ABENA", "AMINATA", "FATOUMATA", "WANJIRU", "ZANELE", "TIGIST", "ADAEZE", "AWA", "MARIAMA"],
            ["OKAFOR", "ADEYEMI", "OKONKWO", "MENSAH", "BOATENG", "N'DIAYE", "NDIAYE", "DIALLO", "TRAORÉ", "TRAORE", "KAMARA",
             "BANGURA", "MWANGI", "OTIENO", "NKOSI", "DLAMINI", "HAILE", "GEBREMEDHIN", "KONÉ", "N'GUESSAN", "OYELARAN-SMITH"]),
    ];

    public static NameCulture Pick(Random random)
    {
        var total = 0;
        foreach (var culture in All)
        {
            total += culture.Weight;
        }

        var roll = random.Next(total);
        foreach (var culture in All)
        {
            roll -= culture.Weight;
            if (roll < 0)
            {
                return culture;
            }
        }

        return All[^1];
    }

    /// <summary>The surname's form for <paramref name="sex"/> where the tradition inflects it (IVANOV / IVANOVA).</summary>
    public static string SurnameFor(string entry, char sex)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? entry : sex == 'F' ? entry[(slash + 1)..] : entry[..slash];
    }
}
