using Vigil.Screening.Names;

namespace Vigil.Screening.Matching;

/// <summary>A name unit with everything comparison needs computed once: phonetic forms, candidate key, weight.</summary>
public sealed record PreparedUnit(NameUnit Unit, string Phonetic, string CorePhonetic, string Skeleton, double Weight)
{
    public string Text => Unit.Text;

    public UnitKind Kind => Unit.Kind;
}

/// <summary>A parsed name ready to be compared: its units (links included, with no weight) and its genealogical links.</summary>
public sealed record PreparedName(ParsedName Parsed, IReadOnlyList<PreparedUnit> Units)
{
    public IReadOnlyList<(int Son, int Father)> Links => Parsed.Links;

    public override string ToString() => Parsed.ToString();
}

/// <summary>Parses and prepares names with one weighting of name units.</summary>
public sealed class NamePreparer(TokenWeights weights)
{
    public TokenWeights Weights { get; } = weights;

    public PreparedName Prepare(string name) => Prepare(NameParser.Parse(name));

    public PreparedName Prepare(ParsedName parsed)
    {
        var units = new PreparedUnit[parsed.Units.Count];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = PrepareUnit(parsed.Units[i]);
        }

        return new PreparedName(parsed, units);
    }

    public PreparedUnit PrepareUnit(NameUnit unit)
    {
        var phonetic = PhoneticForm.Of(unit.Text);
        var core = unit.HasArticle ? PhoneticForm.Of(unit.Core) : phonetic;
        var skeleton = PhoneticForm.Skeleton(unit.HasArticle ? core : phonetic);
        return new PreparedUnit(unit, phonetic, core, skeleton, Weights.Of(unit.Kind, unit.HasArticle ? core : phonetic));
    }
}
