using System.Globalization;
using System.Text;

namespace Vigil.Data.Tests.Ingest;

/// <summary>A traveler as a hand-written test list reports them.</summary>
internal sealed record PaxPerson(string Surname, string GivenNames, DateOnly Born, char Sex = 'M', string? Document = null, string? Issuer = null, string? Nationality = null, string? Locator = null);

/// <summary>Writes a small, valid PAXLST interchange (one flight crossing the border, D05B) for ingest tests.</summary>
internal static class PaxlstText
{
    public static byte[] List(string interchange, string flight, string from, string to, DateTime departure, params PaxPerson[] people) =>
        Part(interchange, flight, from, to, departure, null, people);

    /// <summary>One part of a list sent in parts (UNH S010: <c>01:C</c> … <c>NN:F</c>), or the whole list when <paramref name="part"/> is null.</summary>
    public static byte[] Part(string interchange, string flight, string from, string to, DateTime departure, (int Sequence, bool Final)? part, params PaxPerson[] people)
    {
        var carrier = flight[..2];
        var parts = part is { } p ? string.Create(CultureInfo.InvariantCulture, $"+{p.Sequence:D2}:{(p.Final ? "F" : "C")}") : "";
        var body = new List<string>
        {
            $"UNH+1+PAXLST:D:05B:UN:IATA+{flight}/{departure:yyMMdd}{parts}",
            "BGM+745",
            "NAD+MS+++VIGIL TEST",
            $"TDT+20+{flight}+++{carrier}",
            $"LOC+125+{from}",
            $"DTM+189:{departure:yyMMddHHmm}:201",
            $"LOC+87+{to}",
            $"DTM+232:{departure.AddHours(2):yyMMddHHmm}:201",
        };
        foreach (var person in people)
        {
            body.Add($"NAD+FL+++{person.Surname}:{person.GivenNames}");
            body.Add($"ATT+2++{person.Sex}");
            body.Add($"DTM+329:{person.Born:yyMMdd}");
            if (person.Nationality is { } nationality)
            {
                body.Add($"NAT+2+{nationality}");
            }

            if (person.Locator is { } locator)
            {
                body.Add($"RFF+AVF:{locator}");
            }

            if (person.Document is { } document)
            {
                body.Add($"DOC+P:110:111+{document}");
                body.Add($"LOC+91+{person.Issuer}");
            }
        }

        body.Add(string.Create(CultureInfo.InvariantCulture, $"CNT+42:{people.Length}"));
        body.Add(string.Create(CultureInfo.InvariantCulture, $"UNT+{body.Count + 1}+1"));
        var text = new StringBuilder("UNA:+.? '");
        text.Append(CultureInfo.InvariantCulture, $"UNB+UNOA:4+{carrier}+VIGIL+260115:0800+{interchange}'\n");
        text.Append(CultureInfo.InvariantCulture, $"UNG+PAXLST+{carrier}+VIGIL+260115:0800+{interchange}+UN+D:05B'\n");
        foreach (var segment in body)
        {
            text.Append(segment).Append("'\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"UNE+1+{interchange}'\nUNZ+1+{interchange}'\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
