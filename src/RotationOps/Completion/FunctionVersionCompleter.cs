using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RotationOps.Engine.Lambda;

namespace RotationOps.Commands.Completion;

/// <summary>
/// Completes a published function version (-Version, -ToVersion) from ListVersionsByFunction of the
/// -FunctionName already typed, newest first. $LATEST is left out: neither a canary nor a rollback
/// can route an alias to it.
/// </summary>
public sealed class FunctionVersionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? functionName = AwsCompletion.Bound(fakeBoundParameters, "FunctionName");
        if (functionName is null) return Array.Empty<CompletionResult>();
        return AwsCompletion.Complete(fakeBoundParameters, CompletionWord.Parse(wordToComplete),
            options => LambdaClient.Create(options, TimeProvider.System, null), "ListVersionsByFunction " + functionName,
            async (client, cancellationToken) =>
            {
                var versions = await client.ListVersionsByFunctionAsync(functionName, AwsCompletion.PageSize, cancellationToken).ConfigureAwait(false);
                return versions.Where(v => long.TryParse(v.Version, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    .OrderByDescending(v => long.Parse(v.Version, NumberStyles.None, CultureInfo.InvariantCulture))
                    .Select(v => new CompletionItem(v.Version, v.Version, FunctionToolTip.Of(v)))
                    .ToList();
            });
    }
}
