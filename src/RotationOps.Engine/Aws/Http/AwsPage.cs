using System.Collections.Generic;

namespace RotationOps.Engine.Aws.Http;

/// <summary>One page of a listing operation and the token (NextToken, NextMarker) for the page after it.</summary>
internal sealed class AwsPage<T>
{
    public AwsPage(List<T> items, string? nextToken)
    {
        Items = items;
        NextToken = nextToken;
    }

    public List<T> Items { get; }

    /// <summary>Null or empty on the last page.</summary>
    public string? NextToken { get; }
}
