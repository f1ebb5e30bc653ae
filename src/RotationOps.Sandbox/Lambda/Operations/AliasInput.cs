using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>The alias members CreateAlias and UpdateAlias share, with the model's constraints.</summary>
internal static class AliasInput
{
    private const string NamePattern = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";
    private const string VersionPattern = @"(\$LATEST|[0-9]+)";

    private static readonly IReadOnlyDictionary<string, double> NoRouting = new Dictionary<string, double>();

    /// <summary>An alias name: letters, digits, '-' and '_', and not only digits (that would read as a version).</summary>
    public static string Name(string name) =>
        name.Length is >= 1 and <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !name.All(char.IsAsciiDigit)
            ? name
            : throw LambdaErrors.PatternMismatch("name", name, NamePattern);

    public static string? FunctionVersion(AwsJsonInput input)
    {
        var version = input.String("FunctionVersion", 1, 1024);
        return version is null || version == Lambda.FunctionVersion.Latest || version.All(char.IsAsciiDigit)
            ? version
            : throw LambdaErrors.PatternMismatch("functionVersion", version, VersionPattern);
    }

    /// <summary>RoutingConfig's weights: null when the request leaves routing alone, empty when it clears it.</summary>
    public static IReadOnlyDictionary<string, double>? Weights(AwsJsonInput input) =>
        input.Structure("RoutingConfig") is { } routing ? routing.DoubleMap("AdditionalVersionWeights") ?? NoRouting : null;
}
