using System;
using System.Text.Json.Nodes;
using RotationOps.Sandbox.Downstream;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.SecretsManager;

namespace RotationOps.Sandbox;

/// <summary>
/// What <c>--seed-demo</c> puts in a fresh Sandbox so the README's demo and the Pester scenarios can
/// rotate at once: a database-style JSON secret, its rotation function, and a downstream service
/// that accepts the secret's value. Rotation itself is left off: the demo enables it with RotateSecret.
/// </summary>
internal static class DemoSeed
{
    public const string SecretName = "demo/orders/db";

    public const string FunctionName = "demo-orders-rotation";

    /// <summary>The function that uses the secret, behind alias LIVE: what the demo canaries.</summary>
    public const string ConsumerName = "demo-orders-api";

    /// <summary>Seeds the demo and returns the rotation function's ARN; refuses if the secret already exists.</summary>
    public static string Apply(SecretStore store, TimeProvider clock, RotationFunctionRegistry functions, DownstreamCredentialStore downstream)
    {
        // Alternating users on the password key, as AWS's multi-user templates rotate a database login.
        var behavior = new RotationFunctionBehavior
        {
            Strategy = RotationStrategy.RotateJsonKey("password"),
            KeepCurrentCredentialValid = true,
        };

        // The function's own password rules, so the first credential looks like every rotated one.
        var password = RandomPasswordGenerator.Generate(new PasswordRules
        {
            Length = behavior.PasswordLength,
            ExcludeCharacters = behavior.ExcludeCharacters,
        });
        var value = new JsonObject
        {
            ["username"] = "orders_app",
            ["password"] = password,
            ["host"] = "orders-db.demo.internal",
            ["port"] = 5432,
        }.ToJsonString();

        // One lock for the whole seed, so no API call sees the secret without its function or downstream credential.
        lock (store.Gate)
        {
            if (store.Find(SecretName) is not null)
            {
                throw new InvalidOperationException($"The Sandbox already holds a secret named {SecretName}.");
            }

            var functionArn = functions.Register(FunctionName, behavior);
            downstream.Set(SecretName, value);
            var now = clock.GetUtcNow();
            SecretVersionWriter.Put(store.Add(SecretName, now), Guid.NewGuid().ToString(), SecretValue.FromText(value), null, now);
            return functionArn;
        }
    }
}
