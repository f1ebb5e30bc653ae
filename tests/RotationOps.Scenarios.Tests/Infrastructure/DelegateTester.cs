using System;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Rotation;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>A -TestScript stand-in: a C# predicate over the staged value.</summary>
public sealed class DelegateTester : ISecretTester
{
    private readonly Func<SecretTestInput, bool> _test;

    public DelegateTester(Func<SecretTestInput, bool> test) => _test = test;

    public Task<SecretTestOutcome> TestAsync(SecretTestInput input, CancellationToken cancellationToken) =>
        Task.FromResult(_test(input)
            ? new SecretTestOutcome(true, "accepted")
            : new SecretTestOutcome(false, "the downstream rejected the credentials"));
}
