using System;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Lambda;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>Waits for a freshly created function to be Active with its update done, on the scenario's clock.</summary>
public sealed class LambdaWaiterForTests
{
    private readonly ILambdaClient _client;
    private readonly TimeProvider _time;

    public LambdaWaiterForTests(ILambdaClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    public async Task UntilReadyAsync(string functionName)
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            var config = await _client.GetFunctionConfigurationAsync(functionName, null, CancellationToken.None);
            if ((config.State ?? "Active") == "Active" && (config.LastUpdateStatus ?? "Successful") == "Successful") return;
            await _time.Delay(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException($"{functionName} did not become Active.");
    }
}
