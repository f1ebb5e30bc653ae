using System;
using System.Text.Json;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// What a function version does when invoked, declared instead of deployed: functions in the Sandbox
/// have no code. Set on $LATEST it is copied into every version PublishVersion makes from then on.
/// </summary>
public sealed record LambdaBehavior
{
    /// <summary>Share of invocations that fail with an unhandled error, 0 to 1. Failures are spread evenly, not drawn at random, unless <see cref="ErrorSeed"/> is set.</summary>
    public double ErrorRate { get; init; }

    /// <summary>
    /// When set, each invocation fails independently with probability <see cref="ErrorRate"/>, drawn
    /// from a generator seeded with this, as real failures come: a healthy version then has unlucky
    /// minutes, which is what a canary verdict must not mistake for a regression. Runs still repeat.
    /// Give each version its own seed, or their failures come in step.
    /// </summary>
    public int? ErrorSeed { get; init; }

    /// <summary>How long each invocation runs (the Duration metric); it costs no real or virtual time.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The JSON a successful invocation returns.</summary>
    public string Payload { get; init; } = "null";

    /// <summary>A secret the function reads on every invocation; it fails unless the downstream service accepts the value.</summary>
    public SecretDependency? SecretDependency { get; init; }

    internal void Validate()
    {
        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            throw new ArgumentException("ErrorRate must be between 0 and 1.", nameof(ErrorRate));
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("Latency must not be negative.", nameof(Latency));
        }

        try
        {
            using var _ = JsonDocument.Parse(Payload ?? throw new ArgumentException("Payload is required.", nameof(Payload)));
        }
        catch (JsonException)
        {
            throw new ArgumentException("Payload must be a JSON document.", nameof(Payload));
        }

        if (SecretDependency is { } dependency && (string.IsNullOrEmpty(dependency.SecretId) || string.IsNullOrEmpty(dependency.Stage)))
        {
            throw new ArgumentException("A secret dependency needs a SecretId and a Stage.", nameof(SecretDependency));
        }
    }
}
