namespace RotationOps.Sandbox.DynamoDb.Tables;

/// <summary>A key attribute of a table: its name and scalar type (S, N or B).</summary>
internal sealed record KeyAttribute(string Name, string Type);
