using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RotationOps.Engine.CloudWatch;

namespace RotationOps.Commands.Completion;

/// <summary>Completes -Alarm from DescribeAlarms by AlarmNamePrefix; the tooltip shows the alarm's state and metric.</summary>
public sealed class AlarmNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWord.Parse(wordToComplete);
        return AwsCompletion.Complete(fakeBoundParameters, word, options => CloudWatchClient.Create(options, TimeProvider.System, null),
            "DescribeAlarms " + word.ServerPrefix,
            async (client, cancellationToken) =>
            {
                var alarms = await client.DescribeAlarmsByPrefixAsync(word.ServerPrefix, AwsCompletion.PageSize, cancellationToken).ConfigureAwait(false);
                return alarms.OrderBy(a => a.AlarmName, StringComparer.OrdinalIgnoreCase)
                    .Select(a => new CompletionItem(a.AlarmName, a.AlarmName, ToolTip(a)))
                    .ToList();
            });
    }

    private static string ToolTip(CloudWatchAlarm alarm) =>
        alarm.IsComposite ? $"{alarm.StateValue}: composite, {alarm.AlarmRule}"
        : alarm.MetricName is null ? alarm.StateValue : $"{alarm.StateValue}: {alarm.MetricName} ({alarm.Namespace})";
}
