using System;
using System.Threading.Tasks;
using Xunit;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>Waits in real time for a run started in the background to reach a point (e.g. before pressing Ctrl+C).</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
