using System;
using System.Collections.Generic;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>
/// A write's ConditionExpression was false. Carries the item as it was when the request asked for it
/// (<c>ReturnValuesOnConditionCheckFailure: ALL_OLD</c>), which the error reply returns as <c>Item</c>.
/// </summary>
internal sealed class ConditionalCheckFailure(IReadOnlyDictionary<string, AttributeValue>? item) : Exception("The conditional request failed")
{
    public IReadOnlyDictionary<string, AttributeValue>? Item { get; } = item;
}
