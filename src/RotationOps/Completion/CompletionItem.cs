namespace RotationOps.Commands.Completion;

/// <summary>One name AWS listed, with what the completion menu shows beside it (metadata only, never a secret value).</summary>
internal sealed class CompletionItem
{
    public CompletionItem(string name, string listItemText, string toolTip)
    {
        Name = name;
        // CompletionResult refuses empty texts.
        ListItemText = string.IsNullOrEmpty(listItemText) ? name : listItemText;
        ToolTip = string.IsNullOrEmpty(toolTip) ? name : toolTip;
    }

    public string Name { get; }
    public string ListItemText { get; }
    public string ToolTip { get; }
}
