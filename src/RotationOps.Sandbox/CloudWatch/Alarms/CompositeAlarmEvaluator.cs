using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// Keeps composite alarms in step with the alarms their rules name: a composite is evaluated when it
/// is created or its rule changes, and again whenever a referenced alarm changes state (a change that
/// moves a composite moves its own parents in turn). A rule that holds is ALARM, otherwise OK.
/// Callers hold the metric store's lock.
/// </summary>
internal sealed class CompositeAlarmEvaluator(AlarmStore alarms)
{
    /// <summary>After PutCompositeAlarm: the alarm takes the state its rule gives now.</summary>
    public void Evaluate(CompositeAlarm composite, DateTimeOffset at)
    {
        if (Apply(composite, trigger: null, at))
        {
            Propagate(composite, at);
        }
    }

    /// <summary>After <paramref name="child"/> changed StateValue at <paramref name="at"/>: its parents follow, then theirs.</summary>
    public void Propagate(AlarmState child, DateTimeOffset at)
    {
        // Composites can form cycles (AWS allows them and stops evaluating when it meets one), so each
        // composite is evaluated a bounded number of times per change: enough for any acyclic graph.
        var limit = alarms.Composites.Count() + 1;
        var evaluations = new Dictionary<CompositeAlarm, int>();
        var queue = new Queue<(CompositeAlarm Composite, AlarmState Trigger)>(alarms.ParentsOf(child).Select(p => (p, child)));
        while (queue.TryDequeue(out var item))
        {
            var count = evaluations.GetValueOrDefault(item.Composite) + 1;
            evaluations[item.Composite] = count;
            if (count <= limit && Apply(item.Composite, item.Trigger, at))
            {
                foreach (var parent in alarms.ParentsOf(item.Composite))
                {
                    queue.Enqueue((parent, item.Composite));
                }
            }
        }
    }

    /// <summary>Sets the state the rule gives; true when the StateValue changed.</summary>
    private bool Apply(CompositeAlarm composite, AlarmState? trigger, DateTimeOffset at)
    {
        var state = composite.Rule.Evaluate(reference => alarms.FindAny(reference)?.StateValue ?? AlarmStates.InsufficientData)
            ? AlarmStates.Alarm
            : AlarmStates.Ok;
        if (state == composite.StateValue)
        {
            return false;
        }

        // Without a triggering change (creation, a new rule) the latest transition among the children explains the state.
        trigger ??= composite.Rule.References.Select(alarms.FindAny).OfType<AlarmState>().MaxBy(a => a.StateTransitionedTimestamp);
        var (reason, data) = CompositeAlarmStateReason.For(trigger, state);
        composite.SetState(state, reason, data, at);
        return true;
    }
}
