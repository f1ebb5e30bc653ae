using System;

namespace RotationOps.Sandbox.Faults;

/// <summary>What the armed faults do to one call: a real delay, then possibly a terminal fault.</summary>
internal readonly record struct FaultDecision(TimeSpan Latency, FaultKind? Terminal, TimeSpan ReplyDelay = default);
