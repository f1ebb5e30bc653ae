using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.Protocols;

/// <summary>
/// Typed reads of one input structure, whatever the wire protocol: a service that AWS serves over
/// both awsQuery and awsJson (CloudWatch) writes each operation once against this. Members are
/// named as in the service model; a member of the wrong type fails the way that protocol does.
/// </summary>
internal interface IShapeReader
{
    /// <summary>The member's name as AWS spells it in error messages, e.g. <c>MetricData.member.1.Value</c>.</summary>
    string PathOf(string member);

    bool Has(string member);

    string? String(string member);

    double? Double(string member);

    long? Long(string member);

    bool? Bool(string member);

    DateTimeOffset? Timestamp(string member);

    IShapeReader? Structure(string member);

    IReadOnlyList<IShapeReader>? StructureList(string member);

    IReadOnlyList<string>? StringList(string member);

    IReadOnlyList<double>? DoubleList(string member);
}
