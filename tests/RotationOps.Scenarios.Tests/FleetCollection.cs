namespace RotationOps.Scenarios.Tests;

/// <summary>The fleet runs alone: 200 concurrent bakes want the whole machine.</summary>
[CollectionDefinition(nameof(FleetScenarios), DisableParallelization = true)]
public sealed class FleetCollection
{
}
