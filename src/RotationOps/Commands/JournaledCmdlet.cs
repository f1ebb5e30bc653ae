using System;
using System.Management.Automation;
using RotationOps.Engine.Journal;

namespace RotationOps.Commands;

/// <summary>
/// A cmdlet that records what it changes in the journal, and so takes -JournalTable: the
/// DynamoDB table a team and its CI runners share, instead of this machine's journal file.
/// </summary>
public abstract class JournaledCmdlet : AwsCmdlet
{
    /// <summary>
    /// <para type="description">A DynamoDB table to keep the journal and the deployment locks in, shared by every machine that names it (CI runners, operators), so a deployment started on one can be resumed, undone or seen in flight from another. Default: $env:ROTATIONOPS_JOURNAL_TABLE; when neither is set, the journal file in $env:ROTATIONOPS_HOME (~/.rotationops). The table is in the command's region and account; the README gives the create-table command. A missing table or one with other keys is refused before any change.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? JournalTable { get; set; }

    /// <summary>Opens the journal -JournalTable or the environment names; a table that cannot serve ends the command before any change.</summary>
    private protected DeploymentJournal OpenJournal()
    {
        string? table = JournalTable;
        if (table == null)
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(DeploymentJournal.TableVariable);
            table = string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment!.Trim();
        }
        var options = Connection;
        return RunOnce(host => DeploymentJournal.OpenAsync(table, options, TimeProvider.System, WriteVerboseFromAnyThread, host.Cancellation));
    }
}
