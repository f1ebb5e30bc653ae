namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>One action of an UpdateExpression: SET <paramref name="Name"/> = value, or REMOVE <paramref name="Name"/> when <paramref name="Value"/> is null.</summary>
internal sealed record UpdateAction(string Name, UpdateValue? Value);
