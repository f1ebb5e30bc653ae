using System.Collections.Generic;

namespace RotationOps.Engine.DynamoDb;

/// <summary>What DescribeTable says about a table that matters before using it: state and key schema.</summary>
internal sealed class TableDescription
{
    public string TableName { get; set; } = "";

    /// <summary>CREATING, UPDATING, DELETING, ACTIVE, ...</summary>
    public string TableStatus { get; set; } = "";

    /// <summary>Attribute name → HASH or RANGE.</summary>
    public Dictionary<string, string> KeySchema { get; } = new Dictionary<string, string>();

    /// <summary>Attribute name → S, N or B, for the key attributes.</summary>
    public Dictionary<string, string> AttributeTypes { get; } = new Dictionary<string, string>();
}
