using System;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>One node of a parsed AlarmRule; Evaluate's stateOf gives a referenced alarm's StateValue.</summary>
internal abstract record AlarmRuleNode
{
    public abstract bool Evaluate(Func<string, string> stateOf);
}

/// <summary>ALARM(x), OK(x) or INSUFFICIENT_DATA(x): true when alarm x (a name or an ARN, as written) is in that state.</summary>
internal sealed record StateFunctionNode(string State, string Alarm) : AlarmRuleNode
{
    public override bool Evaluate(Func<string, string> stateOf) => stateOf(Alarm) == State;
}

/// <summary>TRUE or FALSE.</summary>
internal sealed record ConstantNode(bool Value) : AlarmRuleNode
{
    public override bool Evaluate(Func<string, string> stateOf) => Value;
}

internal sealed record NotNode(AlarmRuleNode Operand) : AlarmRuleNode
{
    public override bool Evaluate(Func<string, string> stateOf) => !Operand.Evaluate(stateOf);
}

internal sealed record AndNode(AlarmRuleNode Left, AlarmRuleNode Right) : AlarmRuleNode
{
    public override bool Evaluate(Func<string, string> stateOf) => Left.Evaluate(stateOf) && Right.Evaluate(stateOf);
}

internal sealed record OrNode(AlarmRuleNode Left, AlarmRuleNode Right) : AlarmRuleNode
{
    public override bool Evaluate(Func<string, string> stateOf) => Left.Evaluate(stateOf) || Right.Evaluate(stateOf);
}
