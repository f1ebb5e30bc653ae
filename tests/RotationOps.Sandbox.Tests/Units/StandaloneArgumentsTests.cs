namespace RotationOps.Sandbox.Tests.Units;

/// <summary>The standalone command line, in particular the one flag that takes no value.</summary>
public sealed class StandaloneArgumentsTests
{
    [Fact]
    public void Seed_demo_is_a_flag_that_may_sit_anywhere_among_the_options()
    {
        Assert.True(StandaloneArguments.TryParse(["--seed-demo", "--port", "4566", "--region", "eu-west-1"], out var first, out var problem), problem);
        Assert.True(first!.SeedDemo);
        Assert.Equal((4566, "eu-west-1"), (first.Options.Port, first.Options.Region));

        Assert.True(StandaloneArguments.TryParse(["--port", "4566", "--seed-demo"], out var last, out problem), problem);
        Assert.True(last!.SeedDemo);

        Assert.True(StandaloneArguments.TryParse(["--port", "4566"], out var without, out problem), problem);
        Assert.False(without!.SeedDemo);
    }
}
