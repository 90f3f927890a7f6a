using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigil.Screening.Hits;
using Vigil.Screening.Rules;
using Vigil.Travel;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil rules test &lt;rule.json&gt; --messages &lt;files…&gt; [--lists lists.json] [--airports airports.csv] [--json]</c>:
/// validates and compiles the rule (or array of rules), reads API and PNR messages, evaluates the rules over every
/// traveler and prints who matched and why.
/// </summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var rule = new Argument<FileInfo>("rule") { Description = "A rule in its JSON form, or an array of rules (docs/rules.md)." };
        var messages = new Option<FileInfo[]>("--messages") { Description = "Message files: PAXLST or PNRGOV EDIFACT, PNRGOV XML.", Required = true, AllowMultipleArgumentsPerToken = true };
        var lists = new Option<FileInfo?>("--lists") { Description = "Value lists the rules name, as a JSON object: { \"list-name\": [\"value\", …] }." };
        var airports = new Option<FileInfo?>("--airports") { Description = "Country of each airport, one 'IATA,alpha-3' line each, for the country fields of routes." };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON document with every match and its explanation." };
        var test = new Command("test", "Evaluate rules over every traveler in API and PNR messages and show the matches with their explanation.")
        {
            rule, messages, lists, airports, json,
        };
        test.SetAction(parse => Test(parse.GetValue(rule)!, parse.GetValue(messages)!, parse.GetValue(lists), parse.GetValue(airports), parse.GetValue(json)));
        return new Command("rules", "Work with analyst-written risk rules.") { test };
    }

    /// <summary>0 when the rules ran over every file, 1 when a message file could not be read, 2 when the rules or their inputs are not usable.</summary>
    internal static int Test(FileInfo ruleFile, FileInfo[] messageFiles, FileInfo? listFile, FileInfo? airportFile, bool json)
    {
        RuleSet rules;
        RuleEnvironment environment;
        try
        {
            var lists = listFile is null ? new ValueListRepository() : ReadLists(listFile);
            rules = RuleSet.Compile(RuleJson.ParseMany(File.ReadAllText(ruleFile.FullName)), lists.Snapshot());
            environment = new RuleEnvironment { AirportCountries = airportFile is null ? new Dictionary<string, string>() : ReadAirports(airportFile) };
        }
        catch (RuleFormatException e)
        {
            Console.Error.WriteLine($"vigil rules test: {ruleFile}: {e.Problem}");
            return 2;
        }
        catch (RuleValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Error.WriteLine($"vigil rules test: {ruleFile}: rule {e.RuleId}: {problem}");
            }

            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentException)
        {
            Console.Error.WriteLine($"vigil rules test: {e.Message}");
            return 2;
        }

        var matches = new List<(string File, ScreeningSubject Subject, RuleMatch Match)>();
        var travelers = 0;
        var unreadable = 0;
        foreach (var file in messageFiles)
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"vigil rules test: {file}: no such file");
                unreadable++;
                continue;
            }

            foreach (var subject in TravelSubjects.From(TravelFileReader.Read(File.ReadAllBytes(file.FullName))))
            {
                travelers++;
                matches.AddRange(rules.Evaluate(subject, environment).Select(m => (file.ToString(), subject, m)));
            }
        }

        if (json)
        {
            WriteJson(rules, travelers, matches);
        }
        else
        {
            foreach (var (file, subject, match) in matches)
            {
                var t = subject.Traveler;
                Console.Out.WriteLine($"{match.Rule.Id}{(match.Rule.Version > 0 ? $" v{match.Rule.Version}" : "")} matched {t.Surname}, {t.GivenNames} ({subject.Booking?.RecordLocator ?? t.RecordLocator ?? "no locator"}, "
                    + $"{subject.Flight?.Carrier}{subject.Flight?.Number}) in {file}");
                foreach (var term in match.Terms)
                {
                    Console.Out.WriteLine($"    {term.Path}: {term.Describe()} — actual {Show(term.Actual)}");
                }
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rules.Rules.Count} rule(s) over {travelers} traveler(s) in {messageFiles.Length} file(s): {matches.Count} match(es), {matches.Select(m => m.Subject).Distinct().Count()} traveler(s) matched"));
        }

        return unreadable > 0 ? 1 : 0;
    }

    private static void WriteJson(RuleSet rules, int travelers, List<(string File, ScreeningSubject Subject, RuleMatch Match)> matches)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("rules");
            foreach (var rule in rules.Rules)
            {
                w.WriteStringValue(rule.Id);
            }

            w.WriteEndArray();
            w.WriteNumber("travelers", travelers);
            w.WriteStartArray("matches");
            foreach (var (file, subject, match) in matches)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteString("surname", subject.Traveler.Surname);
                w.WriteString("givenNames", subject.Traveler.GivenNames);
                w.WriteString("recordLocator", subject.Booking?.RecordLocator ?? subject.Traveler.RecordLocator);
                w.WriteString("flight", subject.Flight is { } f ? $"{f.Carrier}{f.Number}" : null);
                w.WriteString("rule", match.Rule.Id);
                w.WritePropertyName("explanation");
                using (var explanation = JsonDocument.Parse(match.ExplanationJson))
                {
                    explanation.RootElement.WriteTo(w);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }

    private static string Show(object? actual) => actual switch
    {
        null => "(none)",
        string[] texts => "[" + string.Join(", ", texts) + "]",
        IEnumerable<LinkEvidence> links => "[" + string.Join(", ", links.Select(l => $"{l.Identifier} ({l.Source})")) + "]",
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => actual.ToString() ?? "",
    };

    private static ValueListRepository ReadLists(FileInfo file)
    {
        var lists = new ValueListRepository();
        using var document = JsonDocument.Parse(File.ReadAllText(file.FullName));
        foreach (var list in document.RootElement.EnumerateObject())
        {
            lists.Save(list.Name, list.Value.EnumerateArray().Select(v => v.GetString() ?? ""), Environment.UserName, $"read from {file.Name}");
        }

        return lists;
    }

    private static Dictionary<string, string> ReadAirports(FileInfo file) =>
        File.ReadLines(file.FullName)
            .Select(l => l.Split(',', StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2 && p[0].Length == 3)
            .ToDictionary(p => p[0].ToUpperInvariant(), p => p[1].ToUpperInvariant(), StringComparer.Ordinal);
}
