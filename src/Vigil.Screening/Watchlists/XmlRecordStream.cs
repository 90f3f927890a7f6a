using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace Vigil.Screening.Watchlists;

/// <summary>
/// Streams an XML list one record element at a time: only the current record is held in memory as an
/// <see cref="XElement"/>, so list size does not matter. Element names are compared without namespace because
/// publishers change namespaces between releases while keeping the element names.
/// </summary>
internal static class XmlRecordStream
{
    /// <param name="isRecord">Whether an element with this local name is one list record.</param>
    /// <param name="onOtherElement">Sees every non-record element start (the root's attributes, publication headers).</param>
    /// <param name="onRecord">Receives each record with the line it starts on.</param>
    /// <returns>The content hash (for lists without a version) and the problem that stopped reading, if the XML broke.</returns>
    public static (string ContentHash, ListProblem? Broken) Read(Stream stream, Func<string, bool> isRecord, Action<XmlReader> onOtherElement, Action<XElement, int> onRecord)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var hashing = new HashingStream(stream, hash);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        ListProblem? broken = null;
        var records = 0;
        using (var reader = XmlReader.Create(hashing, settings))
        {
            var lineInfo = (IXmlLineInfo)reader;
            try
            {
                while (!reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && isRecord(reader.LocalName))
                    {
                        var line = lineInfo.LineNumber;
                        records++;
                        onRecord((XElement)XNode.ReadFrom(reader), line);
                        continue;
                    }

                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        onOtherElement(reader);
                    }

                    reader.Read();
                }
            }
            catch (XmlException e)
            {
                // Past a well-formedness error nothing can be read reliably; what came before is kept.
                broken = new ListProblem($"line {e.LineNumber}, column {e.LinePosition}", $"the XML is malformed ({e.Message}); reading stopped after record {records}");
            }
        }

        hashing.DrainRest();
        return ("sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16], broken);
    }

    /// <summary>The root element's local name and namespace, read without loading the document; null when the file is not XML.</summary>
    public static (string LocalName, string Namespace)? Root(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            return reader.MoveToContent() == XmlNodeType.Element ? (reader.LocalName, reader.NamespaceURI) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static IEnumerable<XElement> Children(this XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The collapsed text of the first child with this local name, or null when absent or blank.</summary>
    public static string? ChildText(this XElement parent, string localName) =>
        TextCleaning.Collapse(parent.Children(localName).FirstOrDefault()?.Value);

    /// <summary>The collapsed value of an attribute, or null when absent or blank.</summary>
    public static string? AttributeText(this XElement element, string name) =>
        TextCleaning.Collapse(element.Attribute(name)?.Value);
}
