using System;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>
/// A scenario that needs Sandbox-only controls (fault injection, the virtual clock, native
/// rotation functions, the simulated downstream): skipped, with the reason, when
/// ROTATIONOPS_TEST_ENDPOINT points the suite at another endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute() => Skip = TestTarget.SandboxOnlySkipReason;
}

/// <summary>The Theory counterpart of <see cref="SandboxFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SandboxTheoryAttribute : TheoryAttribute
{
    public SandboxTheoryAttribute() => Skip = TestTarget.SandboxOnlySkipReason;
}
