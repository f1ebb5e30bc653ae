using System;
using System.Globalization;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Lambda.Wire;

/// <summary>
/// restJson1 paths of the Lambda API version 2015-03-31. Names, ARNs and aliases are escaped as one
/// path segment each: an ARN's ':' and a partial ARN's '/' must not split or reshape the path.
/// </summary>
internal static class LambdaPaths
{
    /// <summary>The functions collection every Lambda path starts from; the trailing slash is part of the AWS path.</summary>
    public const string Functions = "/2015-03-31/functions/";

    /// <summary>/2015-03-31/functions/{name}: the function itself (GetFunction).</summary>
    public static string Function(string functionName) =>
        Functions + UrlEncodedText.Escape(Required(functionName, "function name", nameof(functionName)));

    /// <summary>/2015-03-31/functions/{name}/{resource}, e.g. resource "configuration" or "versions".</summary>
    public static string Function(string functionName, string resource) => Function(functionName) + "/" + resource;

    public static string Alias(string functionName, string aliasName) =>
        Function(functionName, "aliases/" + UrlEncodedText.Escape(Required(aliasName, "alias name", nameof(aliasName))));

    /// <summary>?Qualifier= (a version or alias); null when no qualifier is given.</summary>
    public static UrlEncodedText? Qualifier(string? qualifier) =>
        string.IsNullOrEmpty(qualifier) ? null : new UrlEncodedText().Add("Qualifier", qualifier);

    /// <summary>?MaxItems= for the list operations: 1 to 10,000 (Lambda sends at most 50 a page whatever is asked).</summary>
    public static UrlEncodedText MaxItems(int maxItems)
    {
        if (maxItems < 1 || maxItems > 10000) throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "Between 1 and 10000.");
        return new UrlEncodedText().Add("MaxItems", maxItems.ToString(CultureInfo.InvariantCulture));
    }

    // An empty segment would address a different resource (functions//aliases is ListFunctions' neighbour).
    private static string Required(string value, string what, string parameterName)
    {
        if (string.IsNullOrEmpty(value)) throw new ArgumentException($"A Lambda {what} is required.", parameterName);
        return value;
    }
}
