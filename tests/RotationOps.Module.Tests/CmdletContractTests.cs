using System.Linq;
using RotationOps.Module.Tests.Infrastructure;
using RotationOps.Module.Tests.Rules;

namespace RotationOps.Module.Tests;

/// <summary>The contract rules, applied to every cmdlet in out/RotationOps/RotationOps.dll.</summary>
public sealed class CmdletContractTests
{
    public static TheoryData<string> RuleNames => new(CmdletContract.Rules.Keys);

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Every_cmdlet_keeps_the_rule(string rule)
    {
        var violations = BuiltModule.Cmdlets.SelectMany(CmdletContract.Rules[rule]).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory]
    [InlineData("Invoke-SecretRotation")]
    [InlineData("Test-RotatedSecret")]
    public void The_module_defines(string cmdlet) =>
        Assert.Contains(cmdlet, BuiltModule.Cmdlets.Select(c => c.Name));
}
