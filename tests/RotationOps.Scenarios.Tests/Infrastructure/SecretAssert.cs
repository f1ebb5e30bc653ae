using System;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>
/// Assertions on secret values whose failure messages never print the values (xunit's
/// Assert.Equal/Contains would put both strings in the test log).
/// </summary>
public static class SecretAssert
{
    public static void Same(string expected, string actual, string what = "the secret value")
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            Assert.Fail($"{what} differs from the expected value (lengths {expected.Length} and {actual.Length}; values not shown)");
    }

    public static void Contains(string fragment, string actual, string what = "the secret value")
    {
        if (!actual.Contains(fragment, StringComparison.Ordinal))
            Assert.Fail($"{what} does not contain the expected {fragment.Length}-character fragment (values not shown)");
    }

    public static void DoesNotContain(string fragment, string actual, string what = "the secret value")
    {
        if (actual.Contains(fragment, StringComparison.Ordinal))
            Assert.Fail($"{what} still contains a {fragment.Length}-character fragment it should have lost (values not shown)");
    }
}
