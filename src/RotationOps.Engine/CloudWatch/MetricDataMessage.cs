namespace RotationOps.Engine.CloudWatch;

/// <summary>
/// A MessageData of a GetMetricData answer: what CloudWatch says about a result it could not
/// complete (or about the whole call), e.g. Code "Forbidden" with the reason.
/// </summary>
public sealed class MetricDataMessage
{
    public MetricDataMessage(string code, string value)
    {
        Code = code;
        Value = value;
    }

    public string Code { get; }
    public string Value { get; }

    public override string ToString() => string.IsNullOrEmpty(Value) ? Code : $"{Code}: {Value}";
}
