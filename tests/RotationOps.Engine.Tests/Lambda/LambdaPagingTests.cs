using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Lambda
{
    public sealed class LambdaPagingTests
    {
        [Fact]
        public async Task Versions_are_listed_50_at_a_time_following_NextMarker_to_the_end()
        {
            var handler = new StubHttpHandler(
                Answer.Ok("{\"Versions\":[" + LambdaTestClient.Configuration() + "," + LambdaTestClient.Configuration("1") + "],\"NextMarker\":\"a/b+c=\"}"),
                Answer.Ok("{\"Versions\":[" + LambdaTestClient.Configuration("2") + "],\"NextMarker\":null}"));

            IReadOnlyList<FunctionConfiguration> versions = await LambdaTestClient.Create(handler)
                .ListVersionsByFunctionAsync("orders-api", CancellationToken.None);

            Assert.Equal(new[] { "$LATEST", "1", "2" }, versions.Select(v => v.Version));
            Assert.Equal("/2015-03-31/functions/orders-api/versions?MaxItems=50", handler.Requests[0].Uri.PathAndQuery);
            Assert.Equal("/2015-03-31/functions/orders-api/versions?Marker=a%2Fb%2Bc%3D&MaxItems=50", handler.Requests[1].Uri.PathAndQuery);
        }

        [Fact]
        public async Task Functions_are_listed_across_pages()
        {
            var handler = new StubHttpHandler(
                Answer.Ok("{\"Functions\":[" + LambdaTestClient.Configuration() + "],\"NextMarker\":\"p2\"}"),
                Answer.Ok("{\"NextMarker\":\"\",\"Functions\":[{\"FunctionName\":\"billing\",\"Version\":\"$LATEST\"}]}"));

            IReadOnlyList<FunctionConfiguration> functions = await LambdaTestClient.Create(handler).ListFunctionsAsync(CancellationToken.None);

            Assert.Equal(new[] { "orders-api", "billing" }, functions.Select(f => f.FunctionName));
            Assert.Equal("/2015-03-31/functions/?Marker=p2&MaxItems=50", handler.Requests[1].Uri.PathAndQuery);
        }

        [Fact]
        public async Task Aliases_are_listed_across_pages_with_their_routing()
        {
            var handler = new StubHttpHandler(
                Answer.Ok("{\"Aliases\":[" + LambdaTestClient.Alias("live", "6", ",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"7\":0.25}}") + "],\"NextMarker\":\"n\"}"),
                Answer.Ok("{\"Aliases\":[" + LambdaTestClient.Alias("canary", "7") + "]}"));

            IReadOnlyList<AliasConfiguration> aliases = await LambdaTestClient.Create(handler).ListAliasesAsync("orders-api", CancellationToken.None);

            Assert.Equal(new[] { "live", "canary" }, aliases.Select(a => a.Name));
            Assert.Equal(0.25, aliases[0].AdditionalVersionWeights["7"]);
            Assert.Empty(aliases[1].AdditionalVersionWeights);
            Assert.Equal("/2015-03-31/functions/orders-api/aliases?Marker=n&MaxItems=50", handler.Requests[1].Uri.PathAndQuery);
        }

        [Fact]
        public async Task A_repeated_NextMarker_ends_the_listing_instead_of_looping()
        {
            var handler = new StubHttpHandler(Answer.Ok("{\"Versions\":[],\"NextMarker\":\"same\"}"));

            var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                LambdaTestClient.Create(handler).ListVersionsByFunctionAsync("orders-api", CancellationToken.None));

            Assert.Equal("MalformedResponse", error.ErrorCode);
            Assert.Contains("NextMarker", error.ServiceMessage);
            Assert.Equal(2, handler.Requests.Count);
        }
    }
}
