using System.Collections.Generic;

namespace RotationOps.Engine.DynamoDb.Wire;

/// <summary>One page of a Query answer; LastEvaluatedKey is where the next page starts, null after the last.</summary>
internal sealed class QueryPage
{
    public List<IReadOnlyDictionary<string, string>> Items { get; } = new List<IReadOnlyDictionary<string, string>>();

    public IReadOnlyDictionary<string, string>? LastEvaluatedKey { get; set; }
}
