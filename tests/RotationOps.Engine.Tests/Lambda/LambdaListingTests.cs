using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda;

/// <summary>ListFunctions, ListAliases and ListVersionsByFunction: the first page, read with the single-item readers.</summary>
public sealed class LambdaListingTests
{
    [Fact]
    public async Task ListFunctions_reads_the_first_page_and_leaves_the_next_marker()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"Functions\":[" +
            "{\"FunctionName\":\"orders-api\",\"Runtime\":\"python3.11\",\"LastModified\":\"2026-11-30T12:00:00.000+0000\",\"Version\":\"$LATEST\"," +
            "\"Environment\":{\"Variables\":{\"K\":\"v\"}},\"Layers\":[{\"Arn\":\"x\"}]}," +
            "{\"FunctionName\":\"billing-api\",\"PackageType\":\"Image\"}],\"NextMarker\":\"m2\"}"));

        IReadOnlyList<FunctionConfiguration> functions = await LambdaTestClient.Create(handler).ListFunctionsAsync(50, CancellationToken.None);

        Assert.Equal(new[] { "orders-api", "billing-api" }, functions.Select(f => f.FunctionName));
        Assert.Equal("python3.11", functions[0].Runtime);
        Assert.Equal("2026-11-30T12:00:00.000+0000", functions[0].LastModified);
        Assert.Null(functions[1].Runtime);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ListAliases_reads_each_alias_with_its_routing()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"Aliases\":[" + LambdaTestClient.Alias("BETA", "3") + "," +
            LambdaTestClient.Alias("LIVE", "2", ",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"3\":0.05}}") + "]}"));

        IReadOnlyList<AliasConfiguration> aliases = await LambdaTestClient.Create(handler).ListAliasesAsync("orders-api", 100, CancellationToken.None);

        Assert.Equal(new[] { "BETA", "LIVE" }, aliases.Select(a => a.Name));
        Assert.Equal("2", aliases[1].FunctionVersion);
        Assert.Equal(0.05, aliases[1].AdditionalVersionWeights["3"]);
    }

    [Fact]
    public async Task ListVersionsByFunction_reads_every_version_on_the_page()
    {
        var handler = new StubHttpHandler(Answer.Ok("{\"Versions\":[" + LambdaTestClient.Configuration() + "," +
            LambdaTestClient.Configuration("1") + "," + LambdaTestClient.Configuration("2") + "],\"NextMarker\":null}"));

        IReadOnlyList<FunctionConfiguration> versions = await LambdaTestClient.Create(handler)
            .ListVersionsByFunctionAsync("orders-api", 100, CancellationToken.None);

        Assert.Equal(new[] { "$LATEST", "1", "2" }, versions.Select(v => v.Version));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task A_page_size_Lambda_would_refuse_is_refused_before_anything_is_sent(int maxItems)
    {
        var handler = new StubHttpHandler(Answer.Ok("{}"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LambdaTestClient.Create(handler).ListFunctionsAsync(maxItems, CancellationToken.None));

        Assert.Empty(handler.Requests);
    }
}
