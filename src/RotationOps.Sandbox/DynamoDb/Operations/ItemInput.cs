using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Expressions;
using RotationOps.Sandbox.DynamoDb.Items;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>Input members the item operations share, with the service model's constraints.</summary>
internal static class ItemInput
{
    public const string ConditionKind = "ConditionExpression";

    public static string TableName(AwsJsonInput input) => input.RequiredString("TableName", 1, 1024);

    public static IReadOnlyDictionary<string, AttributeValue> RequiredItem(AwsJsonInput input, string member) =>
        AttributeValueJson.ReadItem(input, member)
            ?? throw CommonErrors.Validation($"Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");

    /// <summary>
    /// Refuses the legacy parameters (Expected, AttributeUpdates, KeyConditions, ...) and other features
    /// the Sandbox does not model, rather than ignoring them: a silently ignored condition would let a
    /// lock store pass here and fail on AWS.
    /// </summary>
    public static void RefuseUnsupported(AwsJsonInput input, params string[] members)
    {
        if (members.FirstOrDefault(input.Has) is { } member)
        {
            throw DynamoDbErrors.NotSupportedBySandbox($"the parameter {member}");
        }
    }

    public static Condition? Condition(AwsJsonInput input, ExpressionAttributes attributes) =>
        input.String("ConditionExpression") is { } source ? ConditionParser.Parse(source, ConditionKind, attributes) : null;

    /// <summary>ReturnValues, one of <paramref name="allowed"/> (NONE by default).</summary>
    public static string ReturnValues(AwsJsonInput input, params string[] allowed)
    {
        var value = input.String("ReturnValues") ?? "NONE";
        return allowed.Contains(value) ? value : throw DynamoDbErrors.Validation("Return values set to invalid value");
    }

    /// <summary>Throws the conditional-check failure when <paramref name="condition"/> is false for the item as it is.</summary>
    public static void Check(AwsJsonInput input, Condition? condition, IReadOnlyDictionary<string, AttributeValue>? current)
    {
        if (condition is null || condition.IsMetBy(current))
        {
            return;
        }

        var returnOld = input.String("ReturnValuesOnConditionCheckFailure") switch
        {
            null or "NONE" => false,
            "ALL_OLD" => true,
            var other => throw CommonErrors.Validation(
                $"Value '{other}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]"),
        };
        throw new ConditionalCheckFailure(returnOld ? current : null);
    }

    /// <summary>Writes <c>Attributes</c> when there is anything to return, as AWS leaves it out otherwise.</summary>
    public static void WriteAttributes(System.Text.Json.Utf8JsonWriter output, IReadOnlyDictionary<string, AttributeValue>? attributes)
    {
        if (attributes is { Count: > 0 })
        {
            AttributeValueJson.WriteItem(output, "Attributes", attributes);
        }
    }
}
