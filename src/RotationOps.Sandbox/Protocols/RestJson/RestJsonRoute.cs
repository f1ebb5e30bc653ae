using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Protocols.RestJson;

/// <summary>
/// One restJson1 operation's HTTP binding, e.g. <c>GET /2015-03-31/functions/{FunctionName}/aliases/{Name}</c>.
/// Matching works on the raw (percent-encoded) path so an ARN's <c>%3A</c> never splits a label.
/// </summary>
internal sealed class RestJsonRoute
{
    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();
    private readonly string[] segments;

    public RestJsonRoute(string method, string template, string operation)
    {
        Method = method;
        Operation = operation;
        segments = template.Split('/');
    }

    public string Method { get; }

    public string Operation { get; }

    /// <summary>Matches the method and path; the labels come back percent-decoded.</summary>
    public bool TryMatch(string method, string rawPath, out IReadOnlyDictionary<string, string> labels)
    {
        labels = EmptyLabels;
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = rawPath.Split('/');
        if (parts.Length != segments.Length)
        {
            return false;
        }

        Dictionary<string, string>? found = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                if (parts[i].Length == 0)
                {
                    return false;
                }

                found ??= new Dictionary<string, string>(StringComparer.Ordinal);
                found[segment[1..^1]] = Uri.UnescapeDataString(parts[i]);
            }
            else if (!string.Equals(segment, parts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        labels = found ?? EmptyLabels;
        return true;
    }
}
