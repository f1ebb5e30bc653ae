using System;
using System.Collections.Generic;
using RotationOps.Sandbox.CloudWatch.Alarms;

namespace RotationOps.Sandbox.Tests.CloudWatch;

/// <summary>The AlarmRule grammar of AWS's composite alarms: state functions, constants, NOT/AND/OR precedence, parentheses, quoting and malformed rules.</summary>
public sealed class AlarmRuleTests
{
    private static readonly Dictionary<string, string> States = new()
    {
        ["cpu"] = AlarmStates.Alarm,
        ["disk"] = AlarmStates.Ok,
        ["deploy in progress"] = AlarmStates.InsufficientData,
        ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu"] = AlarmStates.Alarm,
    };

    [Theory]
    [InlineData("ALARM(cpu)", true)]
    [InlineData("ALARM(\"disk\")", false)]
    [InlineData("OK( disk )", true)]
    [InlineData("INSUFFICIENT_DATA(\"deploy in progress\")", true)]
    [InlineData("INSUFFICIENT_DATA(deploy in progress)", true)]
    [InlineData("ALARM(\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu\")", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("ALARM(cpu) AND ALARM(disk)", false)]
    [InlineData("ALARM(cpu) AND NOT ALARM(disk)", true)]
    [InlineData("ALARM(disk) OR ALARM(cpu)", true)]
    [InlineData("NOT ALARM(cpu) OR OK(disk)", true)]
    [InlineData("NOT (ALARM(cpu) OR OK(disk))", false)]
    [InlineData("ALARM(disk) AND ALARM(cpu) OR TRUE", true)]
    [InlineData("ALARM(disk) AND (ALARM(cpu) OR TRUE)", false)]
    [InlineData("(ALARM(cpu) OR ALARM(disk)) AND OK(disk)", true)]
    [InlineData("alarm(cpu) and not ok(cpu)", true)]
    public void Rules_evaluate_as_AWS_documents_them(string rule, bool holds) =>
        Assert.Equal(holds, AlarmRule.Parse(rule).Evaluate(name => States[name]));

    [Fact]
    public void The_rule_names_each_referenced_alarm_once_in_order_of_appearance() =>
        Assert.Equal(["cpu", "disk"], AlarmRule.Parse("ALARM(cpu) OR (OK(\"disk\") AND NOT ALARM(cpu))").References);

    [Theory]
    [InlineData("", "expected ALARM, OK, INSUFFICIENT_DATA, TRUE, FALSE, NOT or '(' at position 1")]
    [InlineData("ALARM(cpu", "missing ')' at position 10")]
    [InlineData("ALARM()", "a state function needs an alarm name or ARN at position 7")]
    [InlineData("ALARM(cpu) XOR ALARM(disk)", "unexpected 'X' at position 12")]
    [InlineData("BROKEN(cpu)", "unknown function or operator 'BROKEN' at position 1")]
    [InlineData("(ALARM(cpu)", "missing ')' at position 12")]
    [InlineData("ALARM(\"cpu)", "unterminated '\"' at position 8")]
    [InlineData("ALARM cpu", "expected '(' after a state function at position 7")]
    public void Malformed_rules_say_what_is_wrong_and_where(string rule, string problem) =>
        Assert.Equal(problem, Assert.Throws<FormatException>(() => AlarmRule.Parse(rule)).Message);
}
