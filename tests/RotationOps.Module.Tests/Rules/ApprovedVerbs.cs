using System;
using System.Collections.Generic;

namespace RotationOps.Module.Tests.Rules;

/// <summary>
/// PowerShell's approved verbs (the "Approved Verbs for PowerShell Commands" page and the
/// System.Management.Automation.Verbs* classes), hard-coded because Get-Verb cannot run here.
/// </summary>
public static class ApprovedVerbs
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        // Common
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock",
        "Move", "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize",
        "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        // Communications
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        // Data
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount",
        "Edit", "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out",
        "Publish", "Restore", "Save", "Sync", "Unpublish", "Update",
        // Diagnostic ("Ping" is left out: the docs now reserve it and say to use Test)
        "Debug", "Measure", "Repair", "Resolve", "Test", "Trace",
        // Lifecycle
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install",
        "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend",
        "Uninstall", "Unregister", "Wait",
        // Security
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        // Other
        "Use",
    };

    /// <summary>
    /// Verbs that only look: every other verb may change something, so its cmdlet must support
    /// -WhatIf/-Confirm. A verb belongs here only if no reasonable cmdlet with it mutates state.
    /// </summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "Get", "Test", "Find", "Search", "Select", "Show", "Format", "Measure", "Compare", "Resolve",
        "Read", "Watch", "Wait", "Trace", "Confirm", "Assert", "ConvertFrom", "ConvertTo", "Group",
    };
}
