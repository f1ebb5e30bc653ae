using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.DynamoDb.Tables;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// A Query's KeyConditionExpression, checked against the table's key: equality on the hash key, and
/// optionally one condition on the range key (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN or begins_with), joined by AND.
/// </summary>
internal sealed record KeyCondition(AttributeValue Hash, Condition? Range)
{
    private const string Kind = "KeyConditionExpression";

    public static KeyCondition Parse(string source, ExpressionAttributes attributes, KeySchema schema)
    {
        var parts = new List<Condition>();
        Flatten(ConditionParser.Parse(source, Kind, attributes), parts);
        if (parts.Count > 2)
        {
            throw DynamoDbErrors.InvalidExpression(Kind, "The expression has more than two key conditions");
        }

        var byKey = parts.ToLookup(part => KeyOf(part) is { } name && schema.IsKey(name) ? name : null);
        if (byKey[null].Any())
        {
            throw DynamoDbErrors.Validation("Query key condition not supported");
        }

        var hash = byKey[schema.Hash.Name].ToList();
        if (hash.Count == 0)
        {
            throw DynamoDbErrors.Validation($"Query condition missed key schema element: {schema.Hash.Name}");
        }

        var range = schema.Range is null ? [] : byKey[schema.Range.Name].ToList();
        if (hash.Count > 1 || range.Count > 1 || hash[0] is not ComparisonCondition { Comparator: "=", Right: ValueOperand hashValue })
        {
            throw DynamoDbErrors.Validation("Query key condition not supported");
        }

        CheckTypes(hash[0], schema.Hash);
        if (range.Count == 1)
        {
            CheckTypes(range[0], schema.Range!);
        }

        return new KeyCondition(hashValue.Value, range.SingleOrDefault());
    }

    private static void Flatten(Condition condition, List<Condition> parts)
    {
        switch (condition)
        {
            case AndCondition and:
                Flatten(and.Left, parts);
                Flatten(and.Right, parts);
                break;
            case OrCondition:
                throw DynamoDbErrors.InvalidExpression(Kind, "Invalid operator used in KeyConditionExpression: OR");
            case NotCondition:
                throw DynamoDbErrors.InvalidExpression(Kind, "Invalid operator used in KeyConditionExpression: NOT");
            default:
                parts.Add(condition);
                break;
        }
    }

    /// <summary>The key attribute a single condition constrains; null for a shape a key condition may not have.</summary>
    private static string? KeyOf(Condition part) => part switch
    {
        ComparisonCondition { Comparator: not "<>", Left: PathOperand path, Right: ValueOperand } => path.Name,
        BetweenCondition { Value: PathOperand path, Low: ValueOperand, High: ValueOperand } => path.Name,
        BeginsWithCondition { Value: PathOperand path, Prefix: ValueOperand } => path.Name,
        _ => null,
    };

    private static void CheckTypes(Condition part, KeyAttribute key)
    {
        IEnumerable<Operand> values = part switch
        {
            ComparisonCondition comparison => [comparison.Right],
            BetweenCondition between => [between.Low, between.High],
            BeginsWithCondition beginsWith => [beginsWith.Prefix],
            _ => [],
        };
        if (values.Any(value => ((ValueOperand)value).Value.Type != key.Type))
        {
            throw DynamoDbErrors.InvalidParameter("Condition parameter type does not match schema type");
        }
    }
}
