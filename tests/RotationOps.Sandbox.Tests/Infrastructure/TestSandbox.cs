using System;
using System.Threading.Tasks;
using RotationOps.Sandbox.SecretsManager;

namespace RotationOps.Sandbox.Tests.Infrastructure;

/// <summary>Starts Sandboxes for tests: a fixed virtual start instant so schedule assertions are exact.</summary>
internal static class TestSandbox
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    public static Task<SandboxServer> StartAsync(SecretsManagerQuotaOptions? quotas = null) =>
        SandboxServer.StartAsync(new SandboxOptions
        {
            ClockStart = Start,
            SecretsManagerQuotas = quotas ?? new SecretsManagerQuotaOptions(),
        });

    public static string LambdaArn(SandboxServer server, string name) =>
        $"arn:aws:lambda:{server.Region}:{server.AccountId}:function:{name}";
}
