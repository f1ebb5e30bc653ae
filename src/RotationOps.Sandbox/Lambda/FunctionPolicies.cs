using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Resource-based policies of functions (and of their versions and aliases). It is the single truth
/// about who may invoke a function: AddPermission and RemovePermission change it, and the rotation
/// function registry both writes it (AllowSecretsManagerInvoke) and reads it back.
/// </summary>
/// <remarks>It has its own lock and calls nothing while holding it, so any other lock may be held around it.</remarks>
internal sealed class FunctionPolicies
{
    public const string SecretsManagerPrincipal = "secretsmanager.amazonaws.com";

    /// <summary>The statement that stands for a rotation function's AllowSecretsManagerInvoke.</summary>
    private const string RotationStatementId = "SecretsManagerRotationAccess";

    private readonly object gate = new();
    private readonly Dictionary<string, Policy> policies = new(StringComparer.Ordinal);

    /// <summary>Adds a statement and returns it as JSON; a RevisionId must match the policy's current one.</summary>
    public string Add(string functionName, string? qualifier, PolicyStatement statement, string? revisionId)
    {
        lock (gate)
        {
            var key = Key(functionName, qualifier);
            var policy = policies.GetValueOrDefault(key);
            CheckRevision(policy, revisionId);
            if (policy?.Statements.Any(s => s.Sid == statement.Sid) == true)
            {
                throw LambdaErrors.StatementExists(statement.Sid);
            }

            policy ??= policies[key] = new Policy();
            policy.Statements.Add(statement);
            policy.RevisionId = Guid.NewGuid().ToString();
            return statement.ToJson();
        }
    }

    public void Remove(string functionName, string? qualifier, string statementId, string? revisionId)
    {
        lock (gate)
        {
            var key = Key(functionName, qualifier);
            var policy = policies.GetValueOrDefault(key);
            var index = policy?.Statements.FindIndex(s => s.Sid == statementId) ?? -1;
            if (index < 0)
            {
                throw LambdaErrors.StatementNotFound(statementId);
            }

            CheckRevision(policy, revisionId);
            policy!.Statements.RemoveAt(index);
            policy.RevisionId = Guid.NewGuid().ToString();
            if (policy.Statements.Count == 0)
            {
                // A function whose last statement went has no policy at all, as on AWS.
                policies.Remove(key);
            }
        }
    }

    /// <summary>
    /// Deletes the policy of one version (<paramref name="qualifier"/>), or, when it is null, every
    /// policy of the function, its versions' and aliases' included: a deleted function's policy goes
    /// with it, so a new function of the same name starts without one.
    /// </summary>
    public void Delete(string functionName, string? qualifier)
    {
        lock (gate)
        {
            if (qualifier is not null)
            {
                policies.Remove(Key(functionName, qualifier));
                return;
            }

            foreach (var key in policies.Keys.Where(k => k == functionName || k.StartsWith(functionName + ":", StringComparison.Ordinal)).ToList())
            {
                policies.Remove(key);
            }
        }
    }

    /// <summary>The policy document and its RevisionId; null when the function has no policy.</summary>
    public (string Document, string RevisionId)? Find(string functionName, string? qualifier)
    {
        lock (gate)
        {
            if (policies.GetValueOrDefault(Key(functionName, qualifier)) is not { } policy)
            {
                return null;
            }

            var document = AwsJsonOutput.Render(writer =>
            {
                writer.WriteString("Version", "2012-10-17");
                writer.WriteString("Id", "default");
                writer.WriteStartArray("Statement");
                foreach (var statement in policy.Statements)
                {
                    writer.WriteStartObject();
                    statement.WriteMembers(writer);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return (Encoding.UTF8.GetString(document.Span), policy.RevisionId);
        }
    }

    /// <summary>Whether the function's own (unqualified) policy lets <paramref name="principal"/> invoke it.</summary>
    public bool AllowsInvoke(string functionName, string principal)
    {
        lock (gate)
        {
            return policies.GetValueOrDefault(Key(functionName, null))?.Statements.Any(s => s.GrantsInvoke(principal)) == true;
        }
    }

    /// <summary>Grants or withdraws Secrets Manager's right to invoke a rotation function, whatever statement granted it.</summary>
    public void SetSecretsManagerInvoke(string functionName, string functionArn, bool allow)
    {
        lock (gate)
        {
            var key = Key(functionName, null);
            var policy = policies.GetValueOrDefault(key);
            if (allow == (policy?.Statements.Any(s => s.GrantsInvoke(SecretsManagerPrincipal)) == true))
            {
                return;
            }

            if (allow)
            {
                policy ??= policies[key] = new Policy();
                policy.Statements.Add(new PolicyStatement(RotationStatementId, SecretsManagerPrincipal, "lambda:InvokeFunction", functionArn, null, null));
            }
            else
            {
                policy!.Statements.RemoveAll(s => s.GrantsInvoke(SecretsManagerPrincipal));
                if (policy.Statements.Count == 0)
                {
                    policies.Remove(key);
                    return;
                }
            }

            policy.RevisionId = Guid.NewGuid().ToString();
        }
    }

    private static string Key(string functionName, string? qualifier) => qualifier is null ? functionName : $"{functionName}:{qualifier}";

    private static void CheckRevision(Policy? policy, string? revisionId)
    {
        if (revisionId is not null && revisionId != policy?.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }
    }

    private sealed class Policy
    {
        public List<PolicyStatement> Statements { get; } = new();

        public string RevisionId { get; set; } = Guid.NewGuid().ToString();
    }
}
