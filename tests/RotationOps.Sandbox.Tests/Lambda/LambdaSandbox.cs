using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Lambda;

/// <summary>Starts Sandboxes for the Lambda tests, at the fixed instant the other tests use.</summary>
internal static class LambdaSandbox
{
    public const string Role = "arn:aws:iam::123456789012:role/orders-api-role";

    /// <summary>
    /// A Sandbox whose control-plane quotas do not get in the way: the clock stands still in tests, so
    /// every call happens at one instant and AWS's 15/s would throttle the sixteenth. Quota tests use
    /// <see cref="WithAwsQuotas"/> instead.
    /// </summary>
    public static Task<SandboxServer> StartAsync(IMetricSink? metrics = null) =>
        SandboxServer.StartAsync(new SandboxOptions
        {
            ClockStart = TestSandbox.Start,
            MetricSink = metrics,
            Lambda = new LambdaOptions { ControlPlanePerSecond = 100_000, GetFunctionPerSecond = 100_000, GetPolicyPerSecond = 100_000 },
        });

    public static Task<SandboxServer> WithAwsQuotas() =>
        SandboxServer.StartAsync(new SandboxOptions { ClockStart = TestSandbox.Start });

    /// <summary>A real zip archive holding one handler file.</summary>
    public static byte[] Zip(string handlerSource = "def lambda_handler(event, context):\n    return None\n")
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("lambda_function.py").Open(), Encoding.UTF8);
            entry.Write(handlerSource);
        }

        return buffer.ToArray();
    }

    /// <summary>Moves past Lambda's Pending and InProgress windows (2 s each by default).</summary>
    public static void Settle(SandboxServer sandbox) => sandbox.Clock.Advance(TimeSpan.FromSeconds(3));
}
