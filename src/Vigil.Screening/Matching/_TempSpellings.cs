namespace Vigil.Screening.Names.Transliteration;
public readonly record struct ArabicLatinSpelling(string Latin, string Arabic, int Count);
public static class ArabicLatinSpellings
{
    private static readonly Lazy<IReadOnlyList<ArabicLatinSpelling>> rows = new(() => File.ReadLines("/work/shared/data/names/arabic-latin-wikidata.tsv").Select(l => l.Split('\t')).Where(p => p.Length == 3).Select(p => new ArabicLatinSpelling(p[0], p[1].Replace(" ", ""), int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))).ToArray());
    public static IReadOnlyList<ArabicLatinSpelling> All => rows.Value;
}
