using System;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Rotation;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// -TestScript: runs the user's script block on the pipeline thread with one argument, an object
/// with SecretId, Name, VersionId, Stage, Value (SecureString) and, for JSON secrets with
/// username/password keys, Credential (PSCredential). It passes unless it throws or returns $false.
/// </summary>
internal sealed class ScriptBlockSecretTester : ISecretTester
{
    private readonly ScriptBlock _script;
    private readonly PipelineHost _host;

    public ScriptBlockSecretTester(ScriptBlock script, PipelineHost host)
    {
        _script = script;
        _host = host;
    }

    public Task<SecretTestOutcome> TestAsync(SecretTestInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var argument = new PSObject();
        argument.Properties.Add(new PSNoteProperty("SecretId", input.SecretId));
        argument.Properties.Add(new PSNoteProperty("Name", input.Name));
        argument.Properties.Add(new PSNoteProperty("VersionId", input.VersionId));
        argument.Properties.Add(new PSNoteProperty("Stage", input.Stage));
        argument.Properties.Add(new PSNoteProperty("Value", input.Value.ToSecureString()));
        argument.Properties.Add(new PSNoteProperty("Credential", TryCredential(input)));
        return Task.FromResult(_host.Bridge.Ask(() => Invoke(argument)));
    }

    private SecretTestOutcome Invoke(PSObject argument)
    {
        var (passed, detail) = ScriptVerdict.Run(_script, argument, "test script");
        return new SecretTestOutcome(passed, detail);
    }

    /// <summary>A PSCredential for JSON secrets shaped like database credentials, else null.</summary>
    private static PSCredential? TryCredential(SecretTestInput input)
    {
        if (input.Value.IsBinary || !SecretJson.IsObject(input.Value)) return null;
        using (var document = JsonDocument.Parse(input.Value.Bytes))
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("username", out var user) || user.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("password", out var password) || password.ValueKind != JsonValueKind.String)
                return null;
            var secure = new System.Security.SecureString();
            foreach (char c in password.GetString()!) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new PSCredential(user.GetString()!, secure);
        }
    }
}
