using System;
using System.Text.RegularExpressions;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// A FunctionName as callers may write it — <c>name</c>, <c>name:qualifier</c>, a full ARN with or
/// without qualifier, or a partial ARN <c>123456789012:function:name</c> — split into the function's
/// name and the qualifier (a version, <c>$LATEST</c> or an alias), checked against this account and region.
/// </summary>
internal sealed partial record FunctionReference(string Name, string? Qualifier)
{
    private const string Pattern =
        @"(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?";

    /// <summary>
    /// Parses <paramref name="functionName"/>; <paramref name="qualifier"/> is the separate Qualifier
    /// parameter, which must agree with a qualifier written into the name.
    /// </summary>
    public static FunctionReference Parse(string functionName, string? qualifier, FunctionStore store)
    {
        var match = NameForm().Match(functionName);
        if (!match.Success || functionName.Length > 170)
        {
            throw LambdaErrors.PatternMismatch("functionName", functionName, Pattern);
        }

        var name = match.Groups[7].Value;
        var derived = match.Groups[9].Success ? match.Groups[9].Value : null;
        var region = match.Groups[3].Success ? match.Groups[3].Value.TrimEnd(':') : store.Region;
        var account = match.Groups[5].Success ? match.Groups[5].Value.TrimEnd(':') : store.AccountId;
        if (derived is not null && qualifier is not null && derived != qualifier)
        {
            throw LambdaErrors.QualifierMismatch();
        }

        var reference = new FunctionReference(name, derived ?? qualifier);
        if (region != store.Region || account != store.AccountId)
        {
            // Another account or region holds nothing the Sandbox knows.
            throw LambdaErrors.FunctionNotFound($"arn:aws:lambda:{region}:{account}:function:{reference.Display}");
        }

        return reference;
    }

    /// <summary>The name with its qualifier, as it appears at the end of a qualified ARN.</summary>
    public string Display => Qualifier is null ? Name : $"{Name}:{Qualifier}";

    /// <summary>Operations that change a function accept no qualifier but <c>$LATEST</c>.</summary>
    public FunctionReference RequireUnqualified() =>
        Qualifier is null or FunctionVersion.Latest ? this : throw LambdaErrors.OnlyLatestSupported();

    [GeneratedRegex("^" + Pattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex NameForm();
}
