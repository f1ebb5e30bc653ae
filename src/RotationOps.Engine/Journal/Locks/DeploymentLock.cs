using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal.Records;

namespace RotationOps.Engine.Journal.Locks;

/// <summary>
/// The lock one workflow holds on its target while it changes it, so a second deployer —
/// another pipeline, process or machine sharing the store — is refused instead of moving the
/// same alias or secret underneath it. Held for a lease that the holder renews while it works;
/// a holder that stopped renewing (its runner died) loses it at expiry, a holder whose process
/// is gone from this machine loses it at once, and -Force or an emergency Undo-Deployment takes
/// it over. Takeovers are journaled.
/// </summary>
public sealed class DeploymentLock : IAsyncDisposable
{
    /// <summary>Long enough to survive a slow AWS call between renewals, short enough that a dead CI runner blocks no one for long.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly Lazy<(int Id, DateTimeOffset StartedAt)> ThisProcess = new Lazy<(int, DateTimeOffset)>(() =>
    {
        using (var process = Process.GetCurrentProcess()) return (process.Id, process.StartTime.ToUniversalTime());
    });

    private readonly ITargetLockStore _store;
    private readonly TimeProvider _time;
    private readonly TargetLease _lease;

    private DeploymentLock(ITargetLockStore store, TimeProvider time, TargetLease lease)
    {
        _store = store;
        _time = time;
        _lease = lease;
    }

    /// <summary>
    /// Takes the lock on <paramref name="target"/> for <paramref name="deploymentId"/>, or throws
    /// DeploymentLocked naming the holder. <paramref name="force"/> takes it from a live holder.
    /// </summary>
    public static async Task<DeploymentLock> AcquireAsync(DeploymentJournal journal, TimeProvider time, string target, string deploymentId, bool force)
    {
        var now = time.GetUtcNow();
        var wanted = new TargetLease
        {
            Target = target,
            DeploymentId = deploymentId,
            Token = Guid.NewGuid().ToString("N"),
            Caller = DeploymentJournal.CallerIdentity,
            Host = Environment.MachineName,
            ProcessId = ThisProcess.Value.Id,
            ProcessStartedAt = ThisProcess.Value.StartedAt,
            Since = now,
            ExpiresAt = now + Lease,
        };
        string? reason = null;
        var attempt = await journal.Locks.TryAcquireAsync(wanted, holder => (reason = TakeoverReason(holder, now, force)) != null).ConfigureAwait(false);
        var previous = attempt.Previous;
        if (!attempt.Acquired)
            throw new RunbookException("DeploymentLocked", RunbookErrorCategory.ResourceBusy, Refusal(previous!, now), target, "Force");
        if (previous != null)
        {
            await journal.AppendAsync(deploymentId, JournalActions.LockTakeover, target, JournalPhase.Succeeded, new Dictionary<string, string>
            {
                ["Reason"] = reason!,
                ["PreviousDeploymentId"] = previous.DeploymentId,
                ["PreviousCaller"] = previous.Caller,
                ["PreviousSince"] = previous.Since.ToString("o"),
            }).ConfigureAwait(false);
        }
        return new DeploymentLock(journal.Locks, time, wanted);
    }

    /// <summary>
    /// Called on every poll while the workflow waits (bakes): moves the lease on, and throws
    /// DeploymentLockLost if someone took the lock over meanwhile (an emergency Undo-Deployment,
    /// or -Force), so this workflow stops before it changes anything more.
    /// </summary>
    public async Task RenewAsync()
    {
        _lease.ExpiresAt = _time.GetUtcNow() + Lease;
        if (!await _store.RenewAsync(_lease).ConfigureAwait(false))
            throw new RunbookException("DeploymentLockLost", RunbookErrorCategory.ResourceBusy,
                $"The lock on {_lease.Target} was taken over by another deployer (Undo-Deployment, -Force, or after it expired) while deployment {_lease.DeploymentId} was waiting; " +
                "it stopped without changing anything more. The journal's LockTakeover entry says who took it.", _lease.Target);
    }

    public async ValueTask DisposeAsync() => await _store.ReleaseAsync(_lease).ConfigureAwait(false);

    private static string Refusal(TargetLease holder, DateTimeOffset now)
    {
        string alive = holder.Host == Environment.MachineName ? $" Its process {holder.ProcessId} on this machine is still running." : "";
        return $"{holder.Target} is locked by deployment {holder.DeploymentId} of {holder.Caller}, since {holder.Since:u}; " +
               $"the lock holds until {holder.ExpiresAt:u} and is renewed while that deployment works.{alive} " +
               $"Wait for it to finish (or stop it there), then run this again. If its process died on another machine, " +
               $"the lock frees itself at {holder.ExpiresAt:u}, or re-run with -Force to take it over now (journaled).";
    }

    /// <summary>Why <paramref name="holder"/> may be replaced, as the journal records it, or null if it may not.</summary>
    private static string? TakeoverReason(TargetLease holder, DateTimeOffset now, bool force) =>
        HolderIsGone(holder) ? "HolderProcessGone" : holder.ExpiresAt <= now ? "LeaseExpired" : force ? "Force" : null;

    /// <summary>A holder on this machine whose process no longer runs (pid reuse is told apart by start time).</summary>
    private static bool HolderIsGone(TargetLease holder)
    {
        if (holder.Host != Environment.MachineName) return false;
        try
        {
            using (var process = Process.GetProcessById(holder.ProcessId))
                return Math.Abs((process.StartTime.ToUniversalTime() - holder.ProcessStartedAt).TotalSeconds) > 1;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Another user's process whose start time we may not read: it runs, so it holds.
            return false;
        }
    }
}
