using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// A function version's configuration, the part UpdateFunctionConfiguration changes and PublishVersion
/// freezes. Equality is by value, environment included: PublishVersion compares it to decide whether
/// anything changed since the last version.
/// </summary>
internal sealed record FunctionSettings(
    string? Runtime,
    string Role,
    string? Handler,
    string Description,
    int Timeout,
    int MemorySize,
    IReadOnlyDictionary<string, string>? Environment,
    string? DeadLetterTargetArn)
{
    public const int DefaultTimeout = 3;
    public const int DefaultMemorySize = 128;

    public bool Equals(FunctionSettings? other) =>
        other is not null
        && Runtime == other.Runtime
        && Role == other.Role
        && Handler == other.Handler
        && Description == other.Description
        && Timeout == other.Timeout
        && MemorySize == other.MemorySize
        && DeadLetterTargetArn == other.DeadLetterTargetArn
        && SameVariables(Environment, other.Environment);

    public override int GetHashCode() => HashCode.Combine(Runtime, Role, Handler, Description, Timeout, MemorySize, DeadLetterTargetArn);

    private static bool SameVariables(IReadOnlyDictionary<string, string>? left, IReadOnlyDictionary<string, string>? right) =>
        left is null || right is null
            ? left is null && right is null
            : left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
