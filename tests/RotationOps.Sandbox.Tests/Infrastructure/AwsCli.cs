using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace RotationOps.Sandbox.Tests.Infrastructure;

/// <summary>
/// Debian's AWS CLI v2 (<c>/usr/bin/aws</c>) driven against a Sandbox: the independent client that
/// proves wire fidelity. It runs with a scrubbed environment (no profile, config or credential
/// file, no pager) so nothing on the machine can leak into a result.
/// </summary>
internal sealed class AwsCli(SandboxServer server, string? accessKeyId = null, string? secretAccessKey = null)
{
    public const string Executable = "/usr/bin/aws";
    private static readonly Lazy<string> EmptyFile = new(() => Path.GetTempFileName());

    public async Task<CliResult> RunAsync(params string[] args)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"AWS CLI v2 not found at {Executable}; the wire-fidelity tests need it. Install it with: apt-get update && apt-get install -y awscli");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--output", "json" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId ?? server.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey ?? server.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = server.Region;
        start.Environment["AWS_CONFIG_FILE"] = EmptyFile.Value;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = EmptyFile.Value;
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_RETRY_MODE"] = "standard";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["TZ"] = "UTC";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aws {string.Join(' ', args.Take(2))} did not finish within 90 s.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr, string.Join(' ', args.Take(2)));
    }
}

/// <summary>One CLI run. Failure messages show the command and stderr, never stdout (it may hold a secret value).</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr, string Command)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();

    public CliResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"aws {Command} exited {ExitCode}: {Stderr}");
        return this;
    }

    /// <summary>Asserts the CLI reported an AWS service error (exit 254) with this code.</summary>
    public CliResult FailedWith(string errorCode)
    {
        Assert.True(ExitCode == 254, $"aws {Command} should fail with {errorCode} (exit 254) but exited {ExitCode}: {Stderr}");
        Assert.Contains($"An error occurred ({errorCode})", Stderr, StringComparison.Ordinal);
        return this;
    }

    public IReadOnlyList<string> Strings(string property) =>
        Json.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}
