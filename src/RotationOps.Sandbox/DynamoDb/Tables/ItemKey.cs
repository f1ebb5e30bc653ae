namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>
/// An item's identity within its table: the canonical text of its hash and (when the table has one)
/// range key values — S as is, N normalised, B base64 — so equal keys are equal whatever their spelling.
/// </summary>
internal readonly record struct ItemKey(string Hash, string? Range);
