using System.Collections.Generic;

namespace RotationOps.Engine.DynamoDb;

/// <summary>
/// A ConditionExpression with its placeholders: a write that carries one is applied only if the
/// expression holds, else DynamoDB answers ConditionalCheckFailedException and changes nothing.
/// Names always go through placeholders, so no attribute name can clash with a reserved word.
/// </summary>
internal sealed class DynamoDbCondition
{
    public DynamoDbCondition(string expression, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string>? values = null)
    {
        Expression = expression;
        Names = names;
        Values = values ?? new Dictionary<string, string>();
    }

    public string Expression { get; }

    /// <summary>#placeholder → attribute name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>:placeholder → string value.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The item must not exist yet: a write that creates, never overwrites.</summary>
    public static DynamoDbCondition NotExists(string keyAttribute) =>
        new DynamoDbCondition("attribute_not_exists(#key)", new Dictionary<string, string> { ["#key"] = keyAttribute });

    /// <summary>The item must exist with <paramref name="attribute"/> equal to <paramref name="value"/>.</summary>
    public static DynamoDbCondition Equals(string attribute, string value) =>
        new DynamoDbCondition("#attribute = :expected", new Dictionary<string, string> { ["#attribute"] = attribute },
            new Dictionary<string, string> { [":expected"] = value });
}
