using System.Text.Json;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Opens any watch list Vigil understands, recognising the format from the content rather than the file name:
/// a folder (or its sdn.csv) is OFAC's CSV set; XML is told apart by its root element; JSON by the shape of its
/// first entry; CSV by its header.
/// </summary>
public static class WatchListReader
{
    /// <summary>Reads the list at <paramref name="path"/>.</summary>
    /// <param name="code">The list code to put on entries; by default the publisher's (<c>un</c>, <c>ofac</c>, <c>eu</c>) or, for
    /// FollowTheMoney and national lists, the file name without extension.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not in a format Vigil reads; the message names the path.</exception>
    public static WatchList Read(string path, string? code = null)
    {
        if (Directory.Exists(path))
        {
            return OfacSdnCsvReader.IsCsvSet(path)
                ? OfacSdnCsvReader.Read(path, code ?? "ofac")
                : throw new InvalidDataException($"{path}: a folder is read only as OFAC's CSV set, and it holds no sdn.csv.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder.", path);
        }

        if (Path.GetFileName(path).Equals("sdn.csv", StringComparison.OrdinalIgnoreCase))
        {
            return OfacSdnCsvReader.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, code ?? "ofac");
        }

        var fileCode = code ?? Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        return Sniff(path) switch
        {
            '<' => ReadXml(path, code),
            '[' or '{' => ReadJson(path, fileCode),
            _ when FirstLine(path) is { } header && NationalListReader.IsCsvHeader(header) => NationalListReader.ReadCsv(path, fileCode),
            _ => throw Unknown(path, "it is not XML, JSON, or a CSV with the national-list header"),
        };
    }

    private static WatchList ReadXml(string path, string? code)
    {
        var root = XmlRecordStream.Root(path) ?? throw Unknown(path, "it starts like XML but has no readable root element");
        return root switch
        {
            ("CONSOLIDATED_LIST", _) => UnConsolidatedListReader.Read(path, code ?? "un"),
            var (name, _) when OfacSdnXmlReader.IsRoot(name) => OfacSdnXmlReader.Read(path, code ?? "ofac"),
            var (name, ns) when EuFinancialSanctionsReader.IsRoot(name, ns) => EuFinancialSanctionsReader.Read(path, code ?? "eu"),
            var (name, ns) => throw Unknown(path, $"its XML root <{name}>{(ns.Length > 0 ? $" in namespace {ns}" : "")} is not a UN, OFAC or EU list"),
        };
    }

    private static WatchList ReadJson(string path, string code)
    {
        // The shape of the first entry decides; JSON lines are always FollowTheMoney (the national format is one array).
        var first = FirstJsonEntry(path);
        if (first is { } entry && NationalListReader.IsJsonEntry(entry))
        {
            return NationalListReader.ReadJson(path, code);
        }

        if (first is null || FollowTheMoneyReader.IsEntity(first.Value))
        {
            return FollowTheMoneyReader.Read(path, code);
        }

        throw Unknown(path, "its JSON entries are neither FollowTheMoney entities (schema, properties) nor national-list objects (id, name)");
    }

    private static JsonElement? FirstJsonEntry(string path)
    {
        using var reader = new StreamReader(path);
        if (Sniff(path) == '{')
        {
            var line = reader.ReadLine();
            try
            {
                using var document = JsonDocument.Parse(line ?? "");
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        try
        {
            using var document = JsonDocument.Parse(reader.ReadToEnd());
            return document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                ? document.RootElement[0].Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int Sniff(string path)
    {
        using var reader = new StreamReader(path);
        while (reader.Read() is var c and >= 0)
        {
            if (!char.IsWhiteSpace((char)c) && c != '\uFEFF')
            {
                return c;
            }
        }

        return -1;
    }

    private static string? FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine();
    }

    private static InvalidDataException Unknown(string path, string why) =>
        new($"{path}: not a watch list Vigil can read: {why}. Accepted: UN consolidated XML, OFAC SDN XML or CSV set, EU financial sanctions XML, FollowTheMoney JSON, national list CSV/JSON (docs/watchlists.md).");
}
