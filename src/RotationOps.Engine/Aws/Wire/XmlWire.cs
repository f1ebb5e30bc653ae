using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// Reading helpers for awsQuery XML answers over <see cref="XmlReader"/>. Elements are matched by
/// local name, structure by structure, so a nested field (an alarm's Metrics.MetricStat.Metric.MetricName)
/// never shadows a top-level one; the namespace is not checked, because emulators differ in sending it.
/// Malformed input throws <see cref="XmlException"/> or <see cref="FormatException"/>.
/// </summary>
internal static class XmlWire
{
    // No DTDs and no resolver: an answer cannot make the reader fetch or expand anything.
    private static readonly XmlReaderSettings Settings = new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>A reader positioned on the document element. Only for answers that hold no secret values: the body is copied.</summary>
    public static XmlReader Open(ReadOnlySpan<byte> body)
    {
        XmlReader reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), Settings);
        if (reader.MoveToContent() != XmlNodeType.Element) throw new XmlException("Expected an XML element.");
        return reader;
    }

    /// <summary>
    /// Calls <paramref name="readChild"/> once per child element of the element the reader is on,
    /// with the reader on the child's start tag. The callback must consume the child (<see cref="Text"/>,
    /// <see cref="XmlReader.Skip"/>, or another ForEachChild). Leaves the reader after the parent.
    /// </summary>
    public static void ForEachChild(XmlReader reader, Action<XmlReader> readChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        int depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.EOF) throw new XmlException("Unexpected end of XML.");
            if (reader.NodeType == XmlNodeType.Element) readChild(reader);
            else reader.Read();
        }
        reader.Read();
    }

    /// <summary>&lt;List&gt;&lt;member&gt;...&lt;/member&gt;...&lt;/List&gt;, each member read by <paramref name="readMember"/>.</summary>
    public static List<T> Members<T>(XmlReader reader, Func<XmlReader, T> readMember)
    {
        var items = new List<T>();
        ForEachChild(reader, child =>
        {
            if (child.LocalName == "member") items.Add(readMember(child));
            else child.Skip();
        });
        return items;
    }

    /// <summary>The text of a simple element; moves past it.</summary>
    public static string Text(XmlReader reader) => reader.ReadElementContentAsString().Trim();

    /// <summary>xs:double as AWS writes it (5.0, 1.5E-4, NaN, INF).</summary>
    public static double Double(XmlReader reader) => XmlConvert.ToDouble(Text(reader));

    /// <summary>ISO-8601, e.g. 2025-03-01T12:00:00Z or with milliseconds; a time without offset is UTC.</summary>
    public static DateTimeOffset Timestamp(XmlReader reader) =>
        DateTimeOffset.Parse(Text(reader), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
