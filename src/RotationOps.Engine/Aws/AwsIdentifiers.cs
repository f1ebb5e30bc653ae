using System.Text.RegularExpressions;

namespace RotationOps.Engine.Aws;

/// <summary>The kinds of name or id a RotationOps parameter hands to AWS.</summary>
public enum AwsIdentifierKind
{
    SecretId,
    SecretVersionId,
    FunctionName,
    FunctionArn,
    AliasName,
    FunctionVersion,
    Qualifier,
    Region,
}

/// <summary>
/// AWS's documented rules for the names and ids the cmdlets take (Secrets Manager and Lambda API
/// references), checked when a parameter is bound so a value AWS would refuse is refused before
/// any call, with what a valid one looks like, instead of an AWS error half-way through a run.
/// </summary>
public static class AwsIdentifiers
{
    private const int MaxSecretNameLength = 512;
    private const int MaxSecretIdLength = 2048;
    private const int MaxFunctionNameLength = 64;
    private const int MaxFunctionReferenceLength = 140;
    private const int MaxFunctionArnLength = 2048;
    private const int MaxAliasLength = 128;

    private static readonly Regex SecretName = Compile(@"[A-Za-z0-9/_+=.@-]+");
    private static readonly Regex SecretArn = Compile(@"arn:aws[a-zA-Z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+");
    // Lambda's FunctionName pattern: a name, a partial ARN (123456789012:function:name) or an ARN, optionally qualified.
    private static readonly Regex FunctionReference = Compile(
        @"(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?");
    private static readonly Regex FunctionArnPattern = Compile(@"arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?");
    // An alias is not all digits: digits alone name a version.
    private static readonly Regex Alias = Compile(@"(?!^[0-9]+$)[a-zA-Z0-9-_]+");
    private static readonly Regex Version = Compile(@"\$LATEST|[0-9]+");
    private static readonly Regex QualifierPattern = Compile(@"[a-zA-Z0-9$_-]+");
    private static readonly Regex RegionCode = Compile(@"[a-z]{2,}(-[a-z]+)+-[0-9]{1,2}");

    /// <summary>What is wrong with <paramref name="value"/> as a <paramref name="kind"/>, or null when AWS would take it.</summary>
    public static string? Problem(AwsIdentifierKind kind, string value)
    {
        switch (kind)
        {
            case AwsIdentifierKind.SecretId: return SecretIdProblem(value);
            case AwsIdentifierKind.SecretVersionId:
                return value.Length >= 32 && value.Length <= 64 ? null
                    : $"{Shown(value)} is not a secret version id: Secrets Manager's are 32 to 64 characters, e.g. 3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71.";
            case AwsIdentifierKind.FunctionName: return FunctionNameProblem(value);
            case AwsIdentifierKind.FunctionArn:
                return value.Length <= MaxFunctionArnLength && FunctionArnPattern.IsMatch(value) ? null
                    : $"{Shown(value)} is not a Lambda function ARN: it looks like arn:aws:lambda:eu-west-1:123456789012:function:orders-db-rotation.";
            case AwsIdentifierKind.AliasName:
                return value.Length <= MaxAliasLength && Alias.IsMatch(value) ? null
                    : $"{Shown(value)} is not an alias name Lambda accepts: 1 to {MaxAliasLength} letters, digits, - or _, not digits alone (those name a version), e.g. LIVE.";
            case AwsIdentifierKind.FunctionVersion:
                return value.Length <= 1024 && Version.IsMatch(value) ? null
                    : $"{Shown(value)} is not a function version: Lambda numbers published versions 1, 2, 3 ..., e.g. 7.";
            case AwsIdentifierKind.Qualifier:
                return value.Length <= MaxAliasLength && QualifierPattern.IsMatch(value) ? null
                    : $"{Shown(value)} is not a version or alias Lambda accepts as a qualifier: 1 to {MaxAliasLength} letters, digits, $, - or _, e.g. LIVE or 7.";
            case AwsIdentifierKind.Region:
                return RegionCode.IsMatch(value) ? null : $"{Shown(value)} is not an AWS Region code: give one such as eu-west-1 or us-east-1.";
            default: return null;
        }
    }

    private static string? SecretIdProblem(string value)
    {
        if (value.StartsWith("arn:", System.StringComparison.Ordinal))
            return value.Length <= MaxSecretIdLength && SecretArn.IsMatch(value) ? null
                : $"{Shown(value)} is not a secret ARN: it looks like arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf.";
        if (value.Length > MaxSecretNameLength)
            return $"The name is {value.Length} characters; Secrets Manager's secret names are at most {MaxSecretNameLength}.";
        return SecretName.IsMatch(value) ? null
            : $"{Shown(value)} is not a secret name Secrets Manager accepts: ASCII letters, digits and /_+=.@- only, e.g. prod/orders/db.";
    }

    private static string? FunctionNameProblem(string value)
    {
        if (!FunctionReference.IsMatch(value))
            return $"{Shown(value)} is not a function name Lambda accepts: letters, digits, - or _ (e.g. orders-api), or the function's ARN.";
        if (value.IndexOf(':') < 0 && value.Length > MaxFunctionNameLength)
            return $"The name is {value.Length} characters; Lambda's function names are at most {MaxFunctionNameLength}.";
        if (value.Length > MaxFunctionReferenceLength)
            return $"It is {value.Length} characters; Lambda takes a function ARN of at most {MaxFunctionReferenceLength}.";
        return null;
    }

    /// <summary>The value quoted, cut short when long (a message must stay readable).</summary>
    private static string Shown(string value) => value.Length <= 80 ? $"'{value}'" : $"'{value.Substring(0, 77)}...'";

    private static Regex Compile(string pattern) => new Regex($"^(?:{pattern})\\z", RegexOptions.CultureInvariant);
}
