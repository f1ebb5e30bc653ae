using System.Collections.Generic;
using System.Text.Json;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>
/// One table as the inspector shows it: key schema (e.g. <c>pk (S)</c>), billing mode, and its items
/// in DynamoDB JSON as a strongly consistent read sees them. Items are journal records, never secret values.
/// </summary>
public sealed record TableSnapshot(string Name, string Arn, string HashKey, string? RangeKey, string BillingMode, int ItemCount, IReadOnlyList<JsonElement> Items);
