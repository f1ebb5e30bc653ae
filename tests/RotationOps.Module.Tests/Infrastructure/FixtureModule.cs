using System;
using RotationOps.HelpGen;

namespace RotationOps.Module.Tests.Infrastructure;

/// <summary>Fixture/ContractFixture.csproj: cmdlets that keep, or break, the contract rules on purpose.</summary>
public static class FixtureModule
{
    private static readonly Lazy<ModuleMetadata> Lazy = new(
        () => ModuleMetadata.Open(RepositoryPaths.ContractFixtureAssembly, RepositoryPaths.PowerShellReference));

    public static ModuleMetadata Metadata => Lazy.Value;

    public static CmdletDescription Cmdlet(string name) =>
        Metadata.FindCmdlet(name) ?? throw new InvalidOperationException($"The fixture has no {name}.");

    public static DocComments Docs => DocComments.Load([RepositoryPaths.ContractFixtureDocs]);
}
