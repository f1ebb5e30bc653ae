namespace RotationOps.Scenarios.Tests;

/// <summary>
/// Tests that set the process's environment (ROTATIONOPS_RATE_LIMITS) run alone: a client created
/// meanwhile by any other test would read the setting too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
