using System.Text;
using Vigil.Travel;

namespace Vigil.Travel.Tests.Paxlst;

/// <summary>Wraps PAXLST body segments in a correct envelope so tests state only what they are about.</summary>
internal static class PaxlstText
{
    public const string FlightGroup = "TDT+20+XY512+++XY'LOC+125+CMN'DTM+189:2503141105:201'LOC+87+IST'DTM+232:2503141830:201'";

    /// <summary>One message; <paramref name="body"/> is the segments between UNH and UNT, each ending with <c>'</c>.</summary>
    public static string Message(string body, string part = "", string reference = "M1", string accessReference = "XY512/250314/1105")
    {
        var segments = body.Count(c => c == '\'') + 2;
        var unh = $"UNH+{reference}+PAXLST:D:05B:UN:IATA+{accessReference}{(part.Length > 0 ? "+" + part : "")}'";
        return $"{unh}{body}UNT+{segments}+{reference}'";
    }

    public static string Interchange(params string[] messages) =>
        "UNA:+.?*'UNB+UNOA:4+XYAIR+VIGILPIU+250314:0930+A0001++APIS'"
        + $"UNG+PAXLST+XYAIR+VIGILPIU+250314:0930+1+UN+D:05B'{string.Concat(messages)}UNE+{messages.Length}+1'UNZ+1+A0001'";

    public static TravelFile Read(string text) => TravelFileReader.Read(Encoding.UTF8.GetBytes(text));
}
