using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>One period an alarm evaluated: its start, and the statistic's value (null when the period had no data).</summary>
internal readonly record struct EvaluatedDatapoint(DateTimeOffset Timestamp, double? Value, double SampleCount);
