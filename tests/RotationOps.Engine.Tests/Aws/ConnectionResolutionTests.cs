using System;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Engine.Tests.Support;

namespace RotationOps.Engine.Tests.Aws;

[Collection(AwsEnvironmentCollection.Name)]
public sealed class ConnectionResolutionTests
{
    private const string Profiles = @"
[default]
region = eu-central-1
[profile static]
region = ap-south-1
[profile role]
role_arn = arn:aws:iam::123456789012:role/Deploy
source_profile = static
region = us-west-2
[profile sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = us-east-2
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
[profile regiononly]
region = ca-central-1
";

    private const string Credentials = @"
[default]
aws_access_key_id = AKIADEFAULTKEY00XYZ
aws_secret_access_key = default-secret
[static]
aws_access_key_id = AKIASTATICKEY000ABC
aws_secret_access_key = static-secret
";

    [Fact]
    public void Explicit_keys_win_over_every_other_source_and_are_described_redacted()
    {
        using var env = new AwsEnvironment(("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT1"), ("AWS_SECRET_ACCESS_KEY", "env-secret"));
        SharedConfigFiles.Write(Profiles, Credentials);

        AwsConnection connection = AwsConnection.Resolve(new AwsConnectionOptions
        {
            AccessKeyId = "AKIAEXPLICIT00000QRS",
            SecretAccessKey = SensitiveValue.FromString("explicit-secret"),
            ProfileName = "static",
        });

        Assert.Equal("access key AKIA...QRS from -Credential", connection.CredentialDescription);
        Assert.Equal("ap-south-1", connection.Region);
        Assert.DoesNotContain("explicit-secret", connection.ToString());
    }

    [Fact]
    public void An_access_key_without_its_secret_is_a_configuration_error()
    {
        using var env = new AwsEnvironment();

        var error = Assert.Throws<AwsConfigurationException>(() => AwsConnection.Resolve(new AwsConnectionOptions
        {
            AccessKeyId = "AKIAEXPLICIT00000QRS",
            Region = "us-east-1",
        }));

        Assert.Equal("Credential", error.ParameterName);
        Assert.Contains("secret access key", error.Message);
    }

    [Fact]
    public void A_missing_named_profile_is_an_error_and_never_falls_back_to_other_credentials()
    {
        using var env = new AwsEnvironment(("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT1"), ("AWS_SECRET_ACCESS_KEY", "env-secret"),
            ("AWS_REGION", "us-east-1"));
        SharedConfigFiles.Write(Profiles, Credentials);

        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsConnection.Resolve(new AwsConnectionOptions { ProfileName = "prodd" }));

        Assert.Equal("ProfileName", error.ParameterName);
        Assert.Contains("'prodd'", error.Message);
        Assert.Contains("-ProfileName", error.Message);
    }

    [Fact]
    public void A_named_profile_supplies_its_keys_and_region()
    {
        using var env = new AwsEnvironment(("AWS_REGION", "us-east-1"));
        SharedConfigFiles.Write(Profiles, Credentials);

        AwsConnection connection = AwsConnection.Resolve(new AwsConnectionOptions { ProfileName = "static" });

        Assert.Equal("access key AKIA...ABC from profile 'static'", connection.CredentialDescription);
        Assert.Equal("ap-south-1", connection.Region);
        Assert.Equal("region of profile 'static'", connection.RegionSource);
    }

    [Fact]
    public void An_assume_role_profile_resolves_through_the_sdk_without_calling_aws_yet()
    {
        using var env = new AwsEnvironment();
        SharedConfigFiles.Write(Profiles, Credentials);

        AwsConnection connection = AwsConnection.Resolve(new AwsConnectionOptions { ProfileName = "role" });

        Assert.Equal("role arn:aws:iam::123456789012:role/Deploy assumed through profile 'role'", connection.CredentialDescription);
        Assert.Equal("us-west-2", connection.Region);
    }

    [Fact]
    public async Task An_sso_profile_without_a_login_fails_at_the_first_call_with_the_login_command_and_no_retry()
    {
        using var env = new AwsEnvironment();
        SharedConfigFiles.Write(Profiles, Credentials);
        var handler = new StubHttpHandler(Answer.Ok("{}"));
        SecretsManagerClient client = SecretsManagerClient.Create(
            new AwsConnectionOptions { ProfileName = "sso", EndpointUrl = new Uri("https://secretsmanager.test/") },
            new FakeTimeProvider(), null, handler.CreateClient(), new Random(1));

        Assert.Equal("SSO role Admin in account 111122223333 from profile 'sso'", client.Connection.CredentialDescription);
        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => client.DescribeSecretAsync("x", CancellationToken.None));

        Assert.Equal("ProfileName", error.ParameterName);
        Assert.Contains("aws sso login --profile sso", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_profile_that_cannot_make_credentials_is_an_error_naming_ProfileName()
    {
        using var env = new AwsEnvironment();
        SharedConfigFiles.Write(Profiles, Credentials);

        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsConnection.Resolve(new AwsConnectionOptions { ProfileName = "regiononly" }));

        Assert.Equal("ProfileName", error.ParameterName);
        Assert.Contains("'regiononly'", error.Message);
    }

    [Fact]
    public void AWS_PROFILE_naming_a_missing_profile_is_an_error_that_says_so()
    {
        using var env = new AwsEnvironment(("AWS_PROFILE", "ghost"), ("AWS_REGION", "us-east-1"));
        SharedConfigFiles.Write(Profiles, Credentials);

        var error = Assert.Throws<AwsConfigurationException>(() => AwsConnection.Resolve(new AwsConnectionOptions()));

        Assert.Equal("ProfileName", error.ParameterName);
        Assert.Contains("AWS_PROFILE", error.Message);
        Assert.Contains("'ghost'", error.Message);
    }

    [Fact]
    public void The_default_chain_takes_keys_from_the_environment()
    {
        using var env = new AwsEnvironment(("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT1"), ("AWS_SECRET_ACCESS_KEY", "env-secret"),
            ("AWS_REGION", "sa-east-1"));

        AwsConnection connection = AwsConnection.Resolve(new AwsConnectionOptions());

        Assert.Equal("access key AKIA...NT1 from environment variables", connection.CredentialDescription);
        Assert.Equal("sa-east-1", connection.Region);
        Assert.Equal("AWS_REGION", connection.RegionSource);
    }

    [Fact]
    public void The_default_chain_falls_back_to_the_AWS_PROFILE_profile()
    {
        using var env = new AwsEnvironment(("AWS_PROFILE", "static"));
        SharedConfigFiles.Write(Profiles, Credentials);

        AwsConnection connection = AwsConnection.Resolve(new AwsConnectionOptions());

        Assert.Equal("access key AKIA...ABC from profile 'static'", connection.CredentialDescription);
        Assert.Equal("ap-south-1", connection.Region);
    }

    [Theory]
    [InlineData("me-south-1", "static", "us-east-1", "us-east-2", "me-south-1", "-Region")]
    [InlineData(null, "static", "us-east-1", "us-east-2", "ap-south-1", "region of profile 'static'")]
    [InlineData(null, null, "us-east-1", "us-east-2", "us-east-1", "AWS_REGION")]
    [InlineData(null, null, null, "us-east-2", "us-east-2", "AWS_DEFAULT_REGION")]
    [InlineData(null, null, null, null, "eu-central-1", "region of profile 'default'")]
    public void The_region_comes_from_the_first_setting_that_has_one(string? region, string? profile, string? awsRegion,
        string? awsDefaultRegion, string expected, string expectedSource)
    {
        using var env = new AwsEnvironment(("AWS_REGION", awsRegion), ("AWS_DEFAULT_REGION", awsDefaultRegion));
        SharedConfigFiles.Write(Profiles, Credentials);

        AwsConnection connection = AwsConnection.Resolve(new AwsConnectionOptions { Region = region, ProfileName = profile });

        Assert.Equal(expected, connection.Region);
        Assert.Equal(expectedSource, connection.RegionSource);
    }

    [Fact]
    public void No_region_anywhere_is_an_error_naming_Region_before_any_call()
    {
        using var env = new AwsEnvironment();

        var error = Assert.Throws<AwsConfigurationException>(() => SecretsManagerClient.Create(new AwsConnectionOptions
        {
            AccessKeyId = TestClients.AccessKeyId,
            SecretAccessKey = SensitiveValue.FromString(TestClients.SecretAccessKey),
        }, new FakeTimeProvider(), null));

        Assert.Equal("Region", error.ParameterName);
        Assert.Contains("-Region", error.Message);
        Assert.Contains("AWS_REGION", error.Message);
    }

    [Theory]
    [InlineData("us east 1")]
    [InlineData("evil.com/x")]
    [InlineData("US-EAST-1")]
    public void A_region_that_is_not_a_region_name_is_refused(string region)
    {
        using var env = new AwsEnvironment();

        var error = Assert.Throws<AwsConfigurationException>(() => AwsConnection.Resolve(TestClients.Options(o => o.Region = region)));

        Assert.Equal("Region", error.ParameterName);
    }

    [Theory]
    [InlineData("MaxAttempts")]
    [InlineData("CallTimeout")]
    [InlineData("MaxRetryTime")]
    public void Call_limits_that_cannot_work_are_refused(string parameter)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsConnection.Resolve(TestClients.Options(o =>
        {
            if (parameter == "MaxAttempts") o.MaxAttempts = 0;
            else if (parameter == "CallTimeout") o.CallTimeout = TimeSpan.Zero;
            else o.MaxRetryTime = TimeSpan.FromSeconds(-1);
        })));

        Assert.Equal(parameter, error.ParameterName);
    }
}
