using System;
using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Sandbox.Faults;

/// <summary>
/// Armed fault rules, consulted once per AWS call. Every matching rule's <see cref="FaultRule.Skip"/>
/// and <see cref="FaultRule.Count"/> are tracked separately; latency faults add up, and of the
/// terminal faults (throttle, server error, dropped connection) the earliest-added one wins.
/// </summary>
public sealed class FaultInjector
{
    private readonly object gate = new();
    private readonly List<ArmedFault> armed = new();
    private int nextId;

    /// <summary>Arms a fault and returns its id.</summary>
    public string Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(rule.Skip);
        if (rule.Count is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Count must not be negative.");
        }

        // Secrets Manager and DynamoDB have no 409/412: their concurrent changes are made, not faked.
        if (rule.Kind is FaultKind.Conflict or FaultKind.PreconditionFailed && !string.Equals(rule.Service, "lambda", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{rule.Kind} is Lambda's {(rule.Kind == FaultKind.Conflict ? "409" : "412")}: arm it for service lambda.", nameof(rule));
        }

        lock (gate)
        {
            var id = $"fault-{++nextId}";
            armed.Add(new ArmedFault(id, rule));
            return id;
        }
    }

    /// <summary>Disarms one fault; false when no fault has that id.</summary>
    public bool Remove(string id)
    {
        lock (gate)
        {
            return armed.RemoveAll(f => f.Id == id) > 0;
        }
    }

    /// <summary>Disarms every fault.</summary>
    public void Clear()
    {
        lock (gate)
        {
            armed.Clear();
        }
    }

    /// <summary>The armed faults, in the order they were added.</summary>
    public IReadOnlyList<FaultStatus> Rules
    {
        get
        {
            lock (gate)
            {
                return armed.Select(f => new FaultStatus(f.Id, f.Rule, f.Hits, f.Passed)).ToList();
            }
        }
    }

    internal FaultDecision Decide(string service, string operation, FaultTarget target)
    {
        lock (gate)
        {
            var latency = TimeSpan.Zero;
            var replyDelay = TimeSpan.Zero;
            FaultKind? terminal = null;
            foreach (var fault in armed.Where(f => f.Rule.Matches(service, operation, target)))
            {
                var isTerminal = fault.Rule.Kind != FaultKind.Latency;
                if (isTerminal && terminal is not null)
                {
                    continue;
                }

                if (!fault.Take())
                {
                    continue;
                }

                if (isTerminal)
                {
                    terminal = fault.Rule.Kind;
                    replyDelay = fault.Rule.Kind == FaultKind.SlowReply ? fault.Rule.Latency : TimeSpan.Zero;
                }
                else
                {
                    latency += fault.Rule.Latency;
                }
            }

            return new FaultDecision(latency, terminal, replyDelay);
        }
    }

    private sealed class ArmedFault(string id, FaultRule rule)
    {
        public string Id { get; } = id;

        public FaultRule Rule { get; } = rule;

        public int Hits { get; private set; }

        public int Passed { get; private set; }

        /// <summary>Counts one matching call; true when the fault hits it.</summary>
        public bool Take()
        {
            if (Passed < Rule.Skip)
            {
                Passed++;
                return false;
            }

            if (Rule.Count is { } count && Hits >= count)
            {
                return false;
            }

            Hits++;
            return true;
        }
    }
}
