using System;
using System.Globalization;
using System.Xml;

namespace RotationOps.Sandbox.Protocols.AwsQuery;

/// <summary>
/// awsQuery's XML body shapes: a member is an element named after it, a list is an element whose
/// items are <c>&lt;member&gt;</c> elements, timestamps are ISO-8601 UTC and numbers are invariant.
/// </summary>
internal sealed class AwsQueryXmlWriter(XmlWriter xml) : IShapeWriter
{
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public void String(string member, string value) => xml.WriteElementString(member, value);

    public void Double(string member, double value) => xml.WriteElementString(member, value.ToString("R", CultureInfo.InvariantCulture));

    public void Long(string member, long value) => xml.WriteElementString(member, value.ToString(CultureInfo.InvariantCulture));

    public void Bool(string member, bool value) => xml.WriteElementString(member, value ? "true" : "false");

    public void Timestamp(string member, DateTimeOffset value) => xml.WriteElementString(member, FormatTimestamp(value));

    public void StartStructure(string member) => xml.WriteStartElement(member);

    public void EndStructure() => xml.WriteEndElement();

    public void StartList(string member) => xml.WriteStartElement(member);

    public void EndList() => xml.WriteFullEndElement();

    public void StartItem() => xml.WriteStartElement("member");

    public void EndItem() => xml.WriteEndElement();

    public void StringItem(string value) => xml.WriteElementString("member", value);

    public void DoubleItem(double value) => xml.WriteElementString("member", value.ToString("R", CultureInfo.InvariantCulture));

    public void TimestampItem(DateTimeOffset value) => xml.WriteElementString("member", FormatTimestamp(value));
}
