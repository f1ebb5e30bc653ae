using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.Faults;

namespace RotationOps.Bench;

/// <summary>
/// The soak's weather: before a rotation it arms a few random faults on the Secrets Manager calls a
/// rotation makes, and after it counts how many calls each kind actually hit. Some faults outlast
/// the client's retries (six attempts), so calls fail for good, not only slowly.
/// </summary>
internal sealed class SoakFaults(FaultInjector injector, Random random)
{
    private static readonly string[] Operations =
        ["PutSecretValue", "UpdateSecretVersionStage", "RotateSecret", "GetSecretValue", "DescribeSecret"];

    private static readonly FaultKind[] Kinds =
        [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Latency, FaultKind.DropConnection, FaultKind.DropReply];

    private readonly Dictionary<FaultKind, int> hits = Kinds.ToDictionary(kind => kind, _ => 0);

    /// <summary>Calls hit so far, by kind.</summary>
    public IReadOnlyDictionary<FaultKind, int> Hits => hits;

    /// <summary>Arms zero to three faults for the next rotation; about a third of rotations run in calm weather.</summary>
    public void Arm()
    {
        var count = random.Next(4);
        for (var i = 0; i < count; i++)
        {
            injector.Add(new FaultRule
            {
                Service = "secretsmanager",
                Operation = Operations[random.Next(Operations.Length)],
                Kind = Kinds[random.Next(Kinds.Length)],
                Skip = random.Next(4),
                // One in five outlasts every retry.
                Count = random.Next(5) == 0 ? 10 : 1 + random.Next(2),
                // Real time: a few milliseconds keeps 10,000 rotations within minutes.
                Latency = TimeSpan.FromMilliseconds(1 + random.Next(5)),
            });
        }
    }

    /// <summary>Adds up what the armed faults hit, then disarms them, so one rotation's weather never reaches the next check.</summary>
    public void Disarm()
    {
        foreach (var fault in injector.Rules)
        {
            hits[fault.Rule.Kind] += fault.Hits;
        }

        injector.Clear();
    }
}
