using System;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>Where scenarios run: the in-process Sandbox, or ROTATIONOPS_TEST_ENDPOINT (LocalStack, moto, a sandbox account).</summary>
public static class TestTarget
{
    public const string EndpointVariable = "ROTATIONOPS_TEST_ENDPOINT";

    /// <summary>Why a Sandbox-only test is skipped, or null when the Sandbox is the target.</summary>
    public static string? SandboxOnlySkipReason =>
        ExternalEndpoint == null ? null : $"needs Sandbox-only controls; {EndpointVariable} points at {ExternalEndpoint}";

    public static string? ExternalEndpoint
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(EndpointVariable);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }
}
