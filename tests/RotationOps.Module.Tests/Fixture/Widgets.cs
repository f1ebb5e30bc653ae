namespace ContractFixture;

/// <summary>What Set-Widget writes.</summary>
public sealed class Widget
{
    /// <summary>Binds to Test-Widget -Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The widget's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The widget's colour.</summary>
    public string Color { get; set; } = "";
}

/// <summary>What Test-Widget writes: names the widget only through an alias of -Name.</summary>
public sealed class WidgetReport
{
    /// <summary>Binds to Test-Widget -Name through its alias.</summary>
    public string WidgetName { get; set; } = "";

    /// <summary>Whether every check passed.</summary>
    public bool Passed { get; set; }
}
