using System;

namespace RotationOps.Sandbox.Protocols;

/// <summary>
/// Writes one output structure, whatever the wire protocol (awsQuery XML, awsJson). Lists are
/// opened by name; their items are unnamed values or structures.
/// </summary>
internal interface IShapeWriter
{
    void String(string member, string value);

    void Double(string member, double value);

    void Long(string member, long value);

    void Bool(string member, bool value);

    void Timestamp(string member, DateTimeOffset value);

    void StartStructure(string member);

    void EndStructure();

    void StartList(string member);

    void EndList();

    /// <summary>Opens a structure that is the next item of the open list.</summary>
    void StartItem();

    void EndItem();

    void StringItem(string value);

    void DoubleItem(double value);

    void TimestampItem(DateTimeOffset value);
}
