using System;
using System.Text.Json;

namespace RotationOps.Sandbox.Protocols.AwsJson;

/// <summary><see cref="IShapeWriter"/> for awsJson bodies: members are properties, lists arrays, timestamps epoch seconds.</summary>
internal sealed class AwsJsonShapeWriter(Utf8JsonWriter json) : IShapeWriter
{
    public void String(string member, string value) => json.WriteString(member, value);

    public void Double(string member, double value) => json.WriteNumber(member, value);

    public void Long(string member, long value) => json.WriteNumber(member, value);

    public void Bool(string member, bool value) => json.WriteBoolean(member, value);

    public void Timestamp(string member, DateTimeOffset value) => json.WriteEpoch(member, value);

    public void StartStructure(string member) => json.WriteStartObject(member);

    public void EndStructure() => json.WriteEndObject();

    public void StartList(string member) => json.WriteStartArray(member);

    public void EndList() => json.WriteEndArray();

    public void StartItem() => json.WriteStartObject();

    public void EndItem() => json.WriteEndObject();

    public void StringItem(string value) => json.WriteStringValue(value);

    public void DoubleItem(double value) => json.WriteNumberValue(value);

    public void TimestampItem(DateTimeOffset value) => json.WriteNumberValue(AwsJsonOutput.Epoch(value));
}
