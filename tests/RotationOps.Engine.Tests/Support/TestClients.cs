using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using RotationOps.Engine.Aws;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Tests.Support;

/// <summary>Clients wired to a stub transport, with settings that never read the environment.</summary>
internal static class TestClients
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static AwsConnectionOptions Options(Action<AwsConnectionOptions>? change = null)
    {
        var options = new AwsConnectionOptions
        {
            Region = "eu-west-1",
            EndpointUrl = new Uri("https://secretsmanager.test/"),
            AccessKeyId = AccessKeyId,
            SecretAccessKey = SensitiveValue.FromString(SecretAccessKey),
            MaxAttempts = 4,
        };
        change?.Invoke(options);
        return options;
    }

    public static SecretsManagerClient SecretsManager(StubHttpHandler handler, ConcurrentQueue<string>? verbose = null,
        TimeProvider? time = null, Action<AwsConnectionOptions>? change = null, int seed = 7) =>
        SecretsManagerClient.Create(Options(change), time ?? new FakeTimeProvider(), verbose is null ? null : verbose.Enqueue,
            handler.CreateClient(), new Random(seed));

    public static List<string> Lines(this ConcurrentQueue<string> verbose) => new List<string>(verbose);
}
