using System;
using System.Globalization;

namespace RotationOps.Sandbox;

/// <summary>
/// The standalone command line: <c>--port</c>, <c>--region</c>, <c>--access-key-id</c>, <c>--secret-access-key</c>
/// and the <c>--seed-demo</c> flag.
/// </summary>
/// <param name="Options">How the server starts.</param>
/// <param name="SeedDemo">Whether to seed the demo secret and rotation function once the server is up.</param>
internal sealed record StandaloneArguments(SandboxOptions Options, bool SeedDemo)
{
    public const string Usage =
        "Usage: dotnet run --project src/RotationOps.Sandbox -- [--port 4566] [--region us-east-1] "
        + "[--access-key-id KEY --secret-access-key SECRET] [--seed-demo]\n"
        + $"  --seed-demo  after start, create the secret {DemoSeed.SecretName} and the rotation function {DemoSeed.FunctionName}";

    /// <summary>Parses the arguments; <paramref name="arguments"/> is null (with success) when help was asked for.</summary>
    public static bool TryParse(string[] args, out StandaloneArguments? arguments, out string? problem)
    {
        var parsed = new SandboxOptions();
        var seedDemo = false;
        arguments = null;
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                return true;
            }

            if (args[i] is "--seed-demo")
            {
                seedDemo = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{args[i]} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    parsed.Port = port;
                    break;
                case "--region":
                    parsed.Region = value;
                    break;
                case "--access-key-id":
                    parsed.AccessKeyId = value;
                    break;
                case "--secret-access-key":
                    parsed.SecretAccessKey = value;
                    break;
                default:
                    problem = $"Unknown or invalid argument {args[i - 1]} {value}.";
                    return false;
            }
        }

        if (string.Equals(parsed.AccessKeyId, SandboxOptions.DefaultAccessKeyId, StringComparison.Ordinal)
            != string.Equals(parsed.SecretAccessKey, SandboxOptions.DefaultSecretAccessKey, StringComparison.Ordinal))
        {
            problem = "--access-key-id and --secret-access-key go together.";
            return false;
        }

        arguments = new StandaloneArguments(parsed, seedDemo);
        return true;
    }
}
