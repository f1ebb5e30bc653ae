using System;
using RotationOps.Sandbox.Downstream;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Lambda.Invocation;
using RotationOps.Sandbox.Lambda.Operations;
using RotationOps.Sandbox.Metrics;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.SecretsManager;
using RotationOps.Sandbox.Traffic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>Wires Lambda's state, invocation machinery, traffic, operations and control endpoints together.</summary>
internal sealed class LambdaService
{
    public LambdaService(
        string region,
        string accountId,
        TimeProvider clock,
        LambdaOptions options,
        RotationFunctionRegistry rotationFunctions,
        FunctionPolicies policies,
        SecretStore secrets,
        SecretsManagerInspector secretsManager,
        DownstreamCredentialStore downstream,
        IMetricSink metrics)
    {
        var store = Store = new FunctionStore(region, accountId, rotationFunctions);
        var invoker = new FunctionInvoker(new SecretStageReader(secrets, secretsManager), downstream, new LambdaMetrics(metrics));
        Traffic = new TrafficDriver(store, invoker, clock);
        Inspector = new LambdaInspector(store, Traffic, clock);
        Behaviors = new LambdaBehaviors(store, Traffic, clock);
        Control = new LambdaControlSurface(store, clock, Inspector, Behaviors, Traffic);
        Endpoint = new LambdaEndpoint(store, new LambdaQuotas(options, clock), clock,
        [
            new CreateFunctionOperation(store, options),
            new GetFunctionOperation(store),
            new DeleteFunctionOperation(store, policies),
            new GetFunctionConfigurationOperation(store),
            new UpdateFunctionConfigurationOperation(store, options),
            new UpdateFunctionCodeOperation(store, options),
            new PublishVersionOperation(store, options),
            new ListVersionsByFunctionOperation(store),
            new ListFunctionsOperation(store),
            new CreateAliasOperation(store),
            new GetAliasOperation(store),
            new UpdateAliasOperation(store),
            new DeleteAliasOperation(store),
            new ListAliasesOperation(store),
            new InvokeOperation(store, invoker, options),
            new AddPermissionOperation(store, policies),
            new GetPolicyOperation(store, policies),
            new RemovePermissionOperation(store, policies),
        ]);
    }

    /// <summary>The functions themselves, for seeding straight into the store.</summary>
    public FunctionStore Store { get; }

    public IServiceEndpoint Endpoint { get; }

    public LambdaInspector Inspector { get; }

    public LambdaBehaviors Behaviors { get; }

    public TrafficDriver Traffic { get; }

    public LambdaControlSurface Control { get; }
}
