using System.Text.Json;

namespace Vigil.Screening.Rules;

/// <summary>
/// One term that made a rule true, with the value the traveler actually had. <see cref="Negated"/> marks a term
/// inside a NOT, which counted because it was false.
/// </summary>
public sealed record MatchedTerm(string Path, RuleCondition Term, object? Actual, bool Negated)
{
    /// <summary>Reads like the rule: <c>traveler.age between 18, 30</c>, <c>link phone with watchListed</c>.</summary>
    public string Describe() => (Negated ? "not " : "") + Term switch
    {
        RuleTerm t => $"{t.Field} {t.Operator}" + (t.Values.Count > 0 ? " " + string.Join(", ", t.Values) : "") + (t.List is null ? "" : " " + t.List)
            + (t.Days is null ? "" : $" ({t.Days} days)"),
        LinkTerm l => $"link {l.Link} with {l.With}",
        _ => Term.ToString(),
    };
}

/// <summary>A rule that fired on a traveler: the rule, the terms that made it true, and the explanation stored on the hit.</summary>
public sealed record RuleMatch(RiskRule Rule, IReadOnlyList<MatchedTerm> Terms, string ExplanationJson);

/// <summary>
/// Explains a match by asking each compiled term again: for AND every term, for OR the terms that were true, for NOT
/// the terms inside that were false. Runs only for rules that fired, so its cost does not touch the screening rate.
/// </summary>
internal static class RuleExplanation
{
    public static RuleMatch Explain(CompiledRule rule, SubjectFacts facts)
    {
        var terms = new List<MatchedTerm>();
        Collect(rule.Root, facts, wanted: true, terms);
        return new RuleMatch(rule.Rule, terms, Json(rule, facts, terms));
    }

    private static void Collect(CompiledNode node, SubjectFacts facts, bool wanted, List<MatchedTerm> into)
    {
        switch (node)
        {
            case CompiledTerm term:
                if (term.Test(facts) == wanted)
                {
                    into.Add(new MatchedTerm(term.Path, term.Source, Actual(term, facts), Negated: !wanted));
                }

                break;
            case CompiledNegation negation:
                Collect(negation.Child, facts, !wanted, into);
                break;
            case CompiledGroup group:
                // An AND is true through all its parts and false through its false ones; an OR the other way round.
                var every = group.All == wanted;
                foreach (var child in group.Children)
                {
                    if (every || child.Test(facts) == wanted)
                    {
                        Collect(child, facts, wanted, into);
                    }
                }

                break;
        }
    }

    private static object? Actual(CompiledTerm term, SubjectFacts facts) => term.Source switch
    {
        LinkTerm link => facts.Links(link),
        RuleTerm rule => facts.Value(term.Field!, rule.Days),
        _ => null,
    };

    private static string Json(CompiledRule rule, SubjectFacts facts, List<MatchedTerm> terms) => RuleJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("rule", rule.Rule.Id);
        w.WriteNumber("version", rule.Rule.Version);
        w.WriteString("title", rule.Rule.Title);
        w.WriteString("owner", rule.Rule.Owner);
        w.WriteString("departureDay", DateOnly.FromDayNumber((int)facts.ReferenceDay).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("terms");
        foreach (var term in terms)
        {
            w.WriteStartObject();
            w.WriteString("path", term.Path);
            if (term.Term is RuleTerm ruleTerm)
            {
                RuleJson.WriteTermBody(w, ruleTerm);
            }
            else if (term.Term is LinkTerm link)
            {
                w.WriteString("link", link.Link);
                w.WriteString("with", link.With);
            }

            w.WriteBoolean("negated", term.Negated);
            w.WritePropertyName("actual");
            WriteActual(w, term.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("lists");
        foreach (var list in rule.Lists)
        {
            w.WriteStartObject();
            w.WriteString("name", list.Name);
            w.WriteNumber("version", list.Version);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteActual(Utf8JsonWriter w, object? actual)
    {
        switch (actual)
        {
            case null:
                w.WriteNullValue();
                break;
            case double number:
                w.WriteNumberValue(number);
                break;
            case bool flag:
                w.WriteBooleanValue(flag);
                break;
            case string text:
                w.WriteStringValue(text);
                break;
            case string[] texts:
                w.WriteStartArray();
                foreach (var text in texts)
                {
                    w.WriteStringValue(text);
                }

                w.WriteEndArray();
                break;
            case IEnumerable<LinkEvidence> links:
                w.WriteStartArray();
                foreach (var link in links)
                {
                    w.WriteStartObject();
                    w.WriteString("identifier", link.Identifier);
                    w.WriteString("source", link.Source);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
        }
    }
}
