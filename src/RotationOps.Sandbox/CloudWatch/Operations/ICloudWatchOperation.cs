using System;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// One CloudWatch API operation, written once for awsQuery and awsJson. It runs under the metric
/// store's lock after the alarm evaluations due by now have run, validates everything before
/// changing anything, and writes the members of its result (operations without one write nothing).
/// </summary>
internal interface ICloudWatchOperation
{
    string Name { get; }

    /// <summary>Whether the operation has an output shape (awsQuery then wraps it in <c>&lt;{Op}Result&gt;</c>).</summary>
    bool HasResult { get; }

    void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now);
}
