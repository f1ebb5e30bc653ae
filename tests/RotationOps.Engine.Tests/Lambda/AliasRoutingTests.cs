using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda;

/// <summary>RoutingConfig.AdditionalVersionWeights: set, read back, left alone, and cleared with {}.</summary>
public sealed class AliasRoutingTests
{
    [Fact]
    public async Task Weights_sent_in_UpdateAlias_come_back_on_the_alias()
    {
        var handler = new StubHttpHandler(Answer.Ok(LambdaTestClient.Alias("live", "6", ",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"7\":0.05}}")));

        AliasConfiguration alias = await LambdaTestClient.Create(handler).UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = "orders-api", Name = "live", AdditionalVersionWeights = new Dictionary<string, double> { ["7"] = 0.05 },
        }, CancellationToken.None);

        Assert.Equal("{\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"7\":0.05}}}", handler.Requests[0].BodyText);
        Assert.Equal("6", alias.FunctionVersion);
        Assert.Equal(new Dictionary<string, double> { ["7"] = 0.05 }, alias.AdditionalVersionWeights);
    }

    [Fact]
    public async Task An_empty_weight_map_is_sent_as_braces_which_clears_routing()
    {
        var handler = new StubHttpHandler(Answer.Ok(LambdaTestClient.Alias("live", "7", ",\"RoutingConfig\":null")));

        AliasConfiguration alias = await LambdaTestClient.Create(handler).UpdateAliasAsync(new UpdateAliasRequest
        {
            FunctionName = "orders-api", Name = "live", FunctionVersion = "7", AdditionalVersionWeights = new Dictionary<string, double>(),
            RevisionId = "r9",
        }, CancellationToken.None);

        Assert.Equal("{\"FunctionVersion\":\"7\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{}},\"RevisionId\":\"r9\"}", handler.Requests[0].BodyText);
        Assert.Empty(alias.AdditionalVersionWeights);
    }

    [Fact]
    public async Task Without_weights_the_request_leaves_routing_as_it_is()
    {
        var handler = new StubHttpHandler(Answer.Ok(LambdaTestClient.Alias("live", "7")));

        await LambdaTestClient.Create(handler).UpdateAliasAsync(new UpdateAliasRequest { FunctionName = "orders-api", Name = "live", Description = "d" },
            CancellationToken.None);

        Assert.Equal("{\"Description\":\"d\"}", handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task GetAlias_reads_routing_description_and_revision()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"AliasArn\":\"" + LambdaTestClient.FunctionArn + ":live\",\"Name\":\"live\",\"FunctionVersion\":\"6\"," +
            "\"Description\":\"prod\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"7\":0.9}},\"RevisionId\":\"r1\"}"));

        AliasConfiguration alias = await LambdaTestClient.Create(handler).GetAliasAsync("orders-api", "live", CancellationToken.None);

        Assert.Equal(LambdaTestClient.FunctionArn + ":live", alias.AliasArn);
        Assert.Equal("prod", alias.Description);
        Assert.Equal(0.9, alias.AdditionalVersionWeights["7"]);
        Assert.Equal("r1", alias.RevisionId);
    }
}
