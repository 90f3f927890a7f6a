using Vigil.Travel.Model;
using Vigil.Travel.PnrgovXml;

namespace Vigil.Travel.Tests.PnrgovXml;

/// <summary>The invented PNRGOV XML samples copied beside the tests, read as of the day before the pushed flight.</summary>
internal static class XmlSamples
{
    public static readonly DateOnly Today = new(2025, 3, 13);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "PnrgovXml", "Samples");

    public static IEnumerable<string> Names => Directory.EnumerateFiles(Folder, "*.xml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static BookingPush Read(string name) => PnrgovXmlMapper.Read(Bytes(name), Today);

    public static BookingPush ReadText(string xml) => PnrgovXmlMapper.Read(System.Text.Encoding.UTF8.GetBytes(xml), Today);
}
