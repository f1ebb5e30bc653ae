using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Commands.Hosting;
using RotationOps.Engine.Aws;

namespace RotationOps.Commands.Completion;

/// <summary>
/// Runs one completion's AWS listing under the rules a prompt needs: the connection the command
/// would use (-Region, -ProfileName, -EndpointUrl, -Credential already typed, then the environment
/// and shared config as the cmdlets resolve them), at most <see cref="Budget"/> of waiting, one
/// attempt, answers kept for <see cref="Lifetime"/>, and silence on every failure.
/// </summary>
internal static class AwsCompletion
{
    /// <summary>How long Tab may wait for AWS; past it the prompt gets nothing (the answer still fills the cache for the next Tab).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>One page, as the listings are asked for: enough to choose from, small enough to come back at once.</summary>
    public const int PageSize = 100;

    private static readonly CompletionCache Cache = new CompletionCache(TimeProvider.System, Lifetime);

    /// <summary>
    /// The names from <paramref name="list"/> that match <paramref name="word"/>, as completion results.
    /// <paramref name="listing"/> names the operation and its argument (the cache key's last part).
    /// </summary>
    public static IEnumerable<CompletionResult> Complete<TClient>(IDictionary fakeBoundParameters, CompletionWord word,
        Func<AwsConnectionOptions, TClient> connect, string listing, Func<TClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> list)
        where TClient : class
    {
        return List(fakeBoundParameters, connect, listing, list)
            .Where(item => word.Matches(item.Name))
            .Select(item => new CompletionResult(word.Quote(item.Name), item.ListItemText, CompletionResultType.ParameterValue, item.ToolTip))
            .ToList();
    }

    /// <summary>A parameter the user already typed (e.g. -FunctionName for -AliasName), or null.</summary>
    public static string? Bound(IDictionary fakeBoundParameters, string name) =>
        Value(fakeBoundParameters, name) is string text && text.Length > 0 ? text : null;

    // Every failure — bad parameters, no credentials, an unreachable endpoint, an AWS error, the budget
    // running out — means "no completions": an exception or error record here would land in the user's
    // $Error (or break the prompt) for pressing Tab.
    private static IReadOnlyList<CompletionItem> List<TClient>(IDictionary fakeBoundParameters, Func<AwsConnectionOptions, TClient> connect,
        string listing, Func<TClient, CancellationToken, Task<IReadOnlyList<CompletionItem>>> list)
        where TClient : class
    {
        try
        {
            AwsConnectionOptions options = Options(fakeBoundParameters);
            // Read here: the default runspace belongs to the pipeline thread, not the worker below.
            string session = Runspace.DefaultRunspace?.InstanceId.ToString() ?? "";
            // Off the pipeline thread: resolving credentials can itself wait on the network (SSO, instance metadata).
            Task<IReadOnlyList<CompletionItem>> work = Task.Run(() =>
            {
                TClient client = connect(options);
                return Cache.GetOrStart(Key(session, options, client, listing), () => list(client, CancellationToken.None));
            });
            // A listing that fails after the prompt stopped waiting must not surface as an unobserved task exception.
            work.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            return work.Wait(Budget) ? work.Result : Array.Empty<CompletionItem>();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionItem>();
        }
    }

    /// <summary>The command's own connection options, with one attempt that must fit in the budget.</summary>
    private static AwsConnectionOptions Options(IDictionary fakeBoundParameters)
    {
        AwsConnectionOptions options = ConnectionParameters.ToOptions(Bound(fakeBoundParameters, "Region"), Bound(fakeBoundParameters, "ProfileName"),
            Bound(fakeBoundParameters, "EndpointUrl"), Value(fakeBoundParameters, "Credential") as PSCredential, Budget);
        // A retry would not fit in the budget, and a throttled account should not be pressed harder for a menu.
        options.MaxAttempts = 1;
        return options;
    }

    private static object? Value(IDictionary fakeBoundParameters, string name)
    {
        object? value = fakeBoundParameters != null && fakeBoundParameters.Contains(name) ? fakeBoundParameters[name] : null;
        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    /// <summary>Session, credentials, region and endpoint as resolved (so a changed $env:AWS_PROFILE or AWS_ENDPOINT_URL is a new key), then the listing.</summary>
    private static string Key(string session, AwsConnectionOptions options, object client, string listing)
    {
        // The clients RotationOps creates are AwsServiceClients; the interfaces carry only AWS operations.
        var connected = (AwsServiceClient)client;
        return string.Join("\n", session, options.ProfileName ?? "", connected.Connection.CredentialDescription, connected.Connection.Region,
            connected.Endpoint.Url.ToString(), listing);
    }
}
