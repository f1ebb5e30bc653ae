using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>An operation's reply: restJson1 puts results in the status code and headers as well as the body.</summary>
internal sealed record LambdaReply(int StatusCode, ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static LambdaReply Empty(int statusCode) => new(statusCode, ReadOnlyMemory<byte>.Empty);
}
