using System.Collections.Generic;

namespace RotationOps.Engine.Hosting;

/// <summary>
/// The AWS changes an operation intends, listed before any is made. Every change is put to
/// ShouldProcess (so -WhatIf prints the whole plan); the operation runs only if all are approved,
/// because running half of a rotation would leave labels where nobody wants them.
/// </summary>
public sealed class ChangePlan
{
    /// <summary>What a result says when ShouldProcess declined (-WhatIf, or No at -Confirm).</summary>
    public const string NotApprovedMessage = "Not run: the change was not approved (-WhatIf or -Confirm).";

    private readonly List<PlannedChange> _changes = new List<PlannedChange>();

    public IReadOnlyList<PlannedChange> Changes => _changes;

    public ChangePlan Add(string target, string action)
    {
        _changes.Add(new PlannedChange(target, action));
        return this;
    }

    public bool Approve(IRunbookHost host)
    {
        bool all = true;
        foreach (var change in _changes)
            all &= host.ShouldProcess(change.Target, change.Action);
        return all;
    }
}
