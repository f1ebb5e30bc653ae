using System;
using System.Collections.Generic;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>One write of an item: what it held from <paramref name="WrittenAt"/> on; null when the write deleted it.</summary>
internal sealed record ItemVersion(DateTimeOffset WrittenAt, IReadOnlyDictionary<string, AttributeValue>? Item);
