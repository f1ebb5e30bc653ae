using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws;

[Collection(AwsEnvironmentCollection.Name)]
public sealed class EndpointResolutionTests
{
    private const string ProfileWithEndpoint = @"
[default]
region = eu-west-1
endpoint_url = http://profile-endpoint:4566
";

    [Theory]
    [InlineData(true, true, true, true, "http://explicit:1/", "-EndpointUrl")]
    [InlineData(false, true, true, true, "http://service-env:2/", "AWS_ENDPOINT_URL_SECRETS_MANAGER")]
    [InlineData(false, false, true, true, "http://global-env:3/", "AWS_ENDPOINT_URL")]
    [InlineData(false, false, false, true, "http://profile-endpoint:4566/", "endpoint_url of profile 'default'")]
    [InlineData(false, false, false, false, "https://secretsmanager.eu-west-1.amazonaws.com/", "default for the region")]
    public void The_endpoint_comes_from_the_first_setting_that_has_one(bool explicitUrl, bool serviceEnv, bool globalEnv, bool profile,
        string expected, string expectedSource)
    {
        using var env = new AwsEnvironment(
            ("AWS_ENDPOINT_URL_SECRETS_MANAGER", serviceEnv ? "http://service-env:2" : null),
            ("AWS_ENDPOINT_URL", globalEnv ? "http://global-env:3" : null));
        SharedConfigFiles.Write(profile ? ProfileWithEndpoint : "[default]\nregion = eu-west-1\n", "");

        AwsServiceEndpoint endpoint = Resolve(explicitUrl ? new Uri("http://explicit:1") : null, AwsService.SecretsManager);

        Assert.Equal(expected, endpoint.Url.ToString());
        Assert.Equal(expectedSource, endpoint.Source);
    }

    [Fact]
    public void Each_service_reads_its_own_endpoint_variable()
    {
        using var env = new AwsEnvironment(("AWS_ENDPOINT_URL_LAMBDA", "http://lambda-env:1"),
            ("AWS_ENDPOINT_URL_CLOUDWATCH", "http://cloudwatch-env:2"), ("AWS_ENDPOINT_URL", "http://global-env:3"));

        Assert.Equal("http://lambda-env:1/", Resolve(null, AwsService.Lambda).Url.ToString());
        Assert.Equal("http://cloudwatch-env:2/", Resolve(null, AwsService.CloudWatch).Url.ToString());
        Assert.Equal("http://global-env:3/", Resolve(null, AwsService.SecretsManager).Url.ToString());
    }

    [Fact]
    public void Default_endpoints_use_the_service_host_and_the_partition_of_the_region()
    {
        using var env = new AwsEnvironment();

        Assert.Equal("https://monitoring.eu-west-1.amazonaws.com/", Resolve(null, AwsService.CloudWatch).Url.ToString());
        Assert.Equal("https://lambda.cn-north-1.amazonaws.com.cn/", Resolve(null, AwsService.Lambda, "cn-north-1").Url.ToString());
    }

    [Fact]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_skips_variables_and_profile_but_not_the_parameter()
    {
        using var env = new AwsEnvironment(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), ("AWS_ENDPOINT_URL", "http://global-env:3"));
        SharedConfigFiles.Write(ProfileWithEndpoint, "");

        Assert.Equal("https://secretsmanager.eu-west-1.amazonaws.com/", Resolve(null, AwsService.SecretsManager).Url.ToString());
        Assert.Equal("http://explicit:1/", Resolve(new Uri("http://explicit:1"), AwsService.SecretsManager).Url.ToString());
    }

    [Fact]
    public void A_profile_can_opt_out_of_configured_endpoints_too()
    {
        using var env = new AwsEnvironment(("AWS_ENDPOINT_URL", "http://global-env:3"));
        SharedConfigFiles.Write(ProfileWithEndpoint + "ignore_configured_endpoint_urls = true\n", "");

        Assert.Equal("https://secretsmanager.eu-west-1.amazonaws.com/", Resolve(null, AwsService.SecretsManager).Url.ToString());
    }

    [Fact]
    public void A_malformed_endpoint_variable_is_an_error_naming_the_variable_before_any_call()
    {
        using var env = new AwsEnvironment(("AWS_ENDPOINT_URL_SECRETS_MANAGER", "localhost:4566"));
        var handler = new StubHttpHandler(Answer.Ok("{}"));

        var error = Assert.Throws<AwsConfigurationException>(() => SecretsManagerClient.Create(
            TestClients.Options(o => o.EndpointUrl = null), new FakeTimeProvider(), null, handler.CreateClient(), null));

        Assert.Equal("EndpointUrl", error.ParameterName);
        Assert.Contains("AWS_ENDPOINT_URL_SECRETS_MANAGER", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Calls_keep_the_endpoint_base_path_and_sign_for_the_service_and_region_not_the_url()
    {
        using var env = new AwsEnvironment(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566/sandbox/"));
        var handler = new StubHttpHandler(Answer.Ok("{\"ARN\":\"a\",\"Name\":\"n\"}"));
        var verbose = new ConcurrentQueue<string>();
        SecretsManagerClient client = TestClients.SecretsManager(handler, verbose, change: o => o.EndpointUrl = null);

        await client.DescribeSecretAsync("n", CancellationToken.None);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:4566/sandbox/", sent.Uri.ToString());
        Assert.Equal("127.0.0.1:4566", sent.Header("Host"));
        Assert.Contains("/eu-west-1/secretsmanager/aws4_request", sent.Header("Authorization"));
        Assert.Null(SigV4Reference.Verify(sent, TestClients.SecretAccessKey, out _));
        Assert.Contains(verbose, line => line.Contains("http://127.0.0.1:4566/sandbox/ (AWS_ENDPOINT_URL)") && line.Contains("AKIA...PLE"));
    }

    private static AwsServiceEndpoint Resolve(Uri? explicitUrl, AwsService service, string region = "eu-west-1") =>
        AwsConnection.Resolve(TestClients.Options(o => { o.EndpointUrl = explicitUrl; o.Region = region; })).ResolveEndpoint(service);
}
