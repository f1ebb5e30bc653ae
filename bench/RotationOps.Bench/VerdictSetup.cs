using System;

namespace RotationOps.Bench;

/// <summary>
/// The canary verdict experiment, one setup for both its runs (simulated and on the Sandbox) so
/// that their figures compare: the traffic, the error rates, the bake and the gates' settings.
/// </summary>
internal static class VerdictSetup
{
    public const int InvocationsPerMinute = 300;
    public const double Weight = 0.1;
    public const double BaselineErrorRate = 0.01;
    public const double DoubledErrorRate = 0.02;
    public const double RegressedErrorRate = 0.05;
    public const double FalseRollbackRate = 0.01;
    public const int MinInvocations = 100;
    public static readonly TimeSpan BakeTime = TimeSpan.FromMinutes(60);

    public static string Describe(int canariesPerCase) => FormattableString.Invariant(
        $"{canariesPerCase} canaries a case; {Weight:0%} of {InvocationsPerMinute} calls/min on the canary; polled each minute; bake {BakeTime.TotalMinutes:0} min; -MinInvocations {MinInvocations}");
}
