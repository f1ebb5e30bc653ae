using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Lambda;
using RotationOps.Sandbox.Lambda.Operations;

namespace RotationOps.Sandbox;

/// <summary>
/// A live function as a canary starts from, put straight into the store: $LATEST, version 1 and an
/// alias on it, all Active at once. Benches and rehearsals seed hundreds of these; through the API each
/// would cost three control-plane calls and an activation wait before anything could be measured.
/// </summary>
internal static class FunctionSeed
{
    private const string Handler = "lambda_function.lambda_handler";

    /// <summary>The deployment package every seeded function carries: a real zip with a handler that returns nothing.</summary>
    private static readonly FunctionCode Package = FunctionCode.FromZip(Zip("def lambda_handler(event, context):\n    return None\n"));

    /// <summary>Seeds the function and returns its ARN; refuses a name already taken.</summary>
    public static string Apply(FunctionStore store, TimeProvider clock, string name, string runtime,
        IReadOnlyDictionary<string, string>? environment, string aliasName)
    {
        FunctionNames.EnsureValid(name, nameof(name));
        ArgumentException.ThrowIfNullOrEmpty(runtime);
        ValidateAliasName(aliasName);

        // Lambda keeps no empty variable set, and a copy keeps the caller's dictionary out of the store.
        var variables = environment is { Count: > 0 } ? new Dictionary<string, string>(environment, StringComparer.Ordinal) : null;
        lock (store.Gate)
        {
            var now = clock.GetUtcNow();

            // A rotation function registered under this name is a Lambda function too; adopting first makes it a clash.
            store.AdoptRotationFunctions(now);
            if (store.Find(name) is not null)
            {
                throw new InvalidOperationException($"The Sandbox already holds a Lambda function named {name}.");
            }

            var settings = new FunctionSettings(runtime, $"arn:aws:iam::{store.AccountId}:role/{name}-role", Handler, string.Empty,
                FunctionSettings.DefaultTimeout, FunctionSettings.DefaultMemorySize, variables, null);
            var function = store.Add(name, new FunctionVersion(FunctionVersion.Latest, settings, Package, now, now, new LambdaBehavior()));
            var version = function.Publish(null, now, activeAt: now);
            function.Aliases.Add(aliasName, new FunctionAlias(aliasName, function.QualifiedArn(aliasName), version.Version));
            return function.Arn;
        }
    }

    /// <summary>CreateAlias's own rule, reported as the argument error an in-process caller expects.</summary>
    private static void ValidateAliasName(string aliasName)
    {
        ArgumentException.ThrowIfNullOrEmpty(aliasName);
        try
        {
            AliasInput.Name(aliasName);
        }
        catch (AwsErrorException error)
        {
            throw new ArgumentException(error.Message, nameof(aliasName), error);
        }
    }

    private static byte[] Zip(string handlerSource)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("lambda_function.py").Open(), Encoding.UTF8);
            entry.Write(handlerSource);
        }

        return buffer.ToArray();
    }
}
