using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all its expressions.
/// DynamoDB refuses placeholders an expression uses but the request does not define, and definitions
/// no expression uses, so resolution is tracked.
/// </summary>
internal sealed class ExpressionAttributes
{
    private readonly IReadOnlyDictionary<string, string> names;
    private readonly IReadOnlyDictionary<string, AttributeValue> values;
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedValues = new(StringComparer.Ordinal);

    private ExpressionAttributes(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, AttributeValue> values)
    {
        this.names = names;
        this.values = values;
    }

    /// <summary>Reads both maps; <paramref name="anyExpression"/> says whether the request has an expression to use them in.</summary>
    public static ExpressionAttributes Read(AwsJsonInput input, bool anyExpression)
    {
        var names = input.StringMap("ExpressionAttributeNames");
        var values = AttributeValueJson.ReadItem(input, "ExpressionAttributeValues");
        foreach (var (member, map) in new[] { ("ExpressionAttributeNames", names?.Count), ("ExpressionAttributeValues", values?.Count) })
        {
            if (map is not null && !anyExpression)
            {
                throw DynamoDbErrors.Validation($"{member} can only be specified when using expressions");
            }

            if (map == 0)
            {
                throw DynamoDbErrors.Validation($"{member} must not be empty");
            }
        }

        return new ExpressionAttributes(
            names ?? new Dictionary<string, string>(),
            values ?? new Dictionary<string, AttributeValue>());
    }

    public string Name(string placeholder, string kind)
    {
        if (!names.TryGetValue(placeholder, out var name))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"An expression attribute name used in the document path is not defined; attribute name: {placeholder}");
        }

        usedNames.Add(placeholder);
        return name;
    }

    public AttributeValue Value(string placeholder, string kind)
    {
        if (!values.TryGetValue(placeholder, out var value))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"An expression attribute value used in expression is not defined; attribute value: {placeholder}");
        }

        usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Called once every expression of the request is parsed.</summary>
    public void EnsureAllUsed()
    {
        var unusedNames = names.Keys.Where(n => !usedNames.Contains(n)).ToList();
        if (unusedNames.Count > 0)
        {
            throw DynamoDbErrors.UnusedNames(string.Join(", ", unusedNames));
        }

        var unusedValues = values.Keys.Where(v => !usedValues.Contains(v)).ToList();
        if (unusedValues.Count > 0)
        {
            throw DynamoDbErrors.UnusedValues(string.Join(", ", unusedValues));
        }
    }
}
