using System;
using System.Linq;
using RotationOps.Sandbox.CloudWatch.Alarms;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// PutCompositeAlarm: creates the composite alarm, or replaces an existing one's configuration and
/// rule, and evaluates it at once. The rule must parse, be at most 10240 characters long and name
/// only alarms that exist, as AWS requires. Action suppression (ActionsSuppressor...) is not modelled.
/// </summary>
internal sealed class PutCompositeAlarmOperation(AlarmStore alarms, CompositeAlarmEvaluator composites) : ICloudWatchOperation
{
    public string Name => "PutCompositeAlarm";

    public bool HasResult => false;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var name = CloudWatchInput.RequiredString(input, "AlarmName");
        if (name.Length > 255)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter AlarmName must be at most 255 characters long.");
        }

        if (input.Has("ActionsSuppressor"))
        {
            throw CloudWatchErrors.NotSupportedBySandbox(input.PathOf("ActionsSuppressor"), "composite alarm action suppression");
        }

        var text = CloudWatchInput.RequiredString(input, "AlarmRule");
        if (text.Length > AlarmRule.MaxLength)
        {
            throw CloudWatchErrors.Validation($"The parameter AlarmRule must not be longer than {AlarmRule.MaxLength} characters.");
        }

        AlarmRule rule;
        try
        {
            rule = AlarmRule.Parse(text);
        }
        catch (FormatException e)
        {
            throw CloudWatchErrors.InvalidAlarmRule(e.Message);
        }

        var missing = rule.References.Where(r => alarms.FindAny(r) is null).ToList();
        if (missing.Count > 0)
        {
            throw CloudWatchErrors.RuleAlarmsMissing(string.Join(", ", missing));
        }

        if (alarms.Find(name) is not null)
        {
            throw CloudWatchErrors.AlarmKindConflict(name, "metric");
        }

        var definition = new CompositeAlarmDefinition
        {
            AlarmName = name,
            AlarmRule = text,
            AlarmDescription = input.String("AlarmDescription"),
            ActionsEnabled = input.Bool("ActionsEnabled") ?? true,
            OkActions = input.StringList("OKActions") ?? [],
            AlarmActions = input.StringList("AlarmActions") ?? [],
            InsufficientDataActions = input.StringList("InsufficientDataActions") ?? [],
        };
        composites.Evaluate(alarms.PutComposite(definition, rule, now), now);
    }
}
