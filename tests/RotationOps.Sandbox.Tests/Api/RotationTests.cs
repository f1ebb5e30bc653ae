using System;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Sandbox.RotationFunctions;
using RotationOps.Sandbox.Tests.Infrastructure;

namespace RotationOps.Sandbox.Tests.Api;

/// <summary>The asynchronous rotation: steps on the virtual clock, failures the caller never sees, dry runs, schedules.</summary>
public sealed class RotationTests
{
    [Theory]
    [InlineData(RotationStep.CreateSecret)]
    [InlineData(RotationStep.SetSecret)]
    [InlineData(RotationStep.TestSecret)]
    [InlineData(RotationStep.FinishSecret)]
    public async Task A_step_failure_leaves_AWSPENDING_on_a_non_current_version_and_LastRotatedDate_unchanged(RotationStep failAt)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, current) = await client.CreateSecretAsync("rotate/fail", "old-password");
        sandbox.Downstream.Set("rotate/fail", "old-password");
        var function = sandbox.RotationFunctions.Register("failing", new RotationFunctionBehavior { FailAtStep = failAt });

        var token = SecretsManagerHttp.NewToken();
        var started = await client.CallAsync("RotateSecret", new { SecretId = "rotate/fail", RotationLambdaARN = function, ClientRequestToken = token });
        Assert.Equal(token, started.GetProperty("VersionId").GetString());

        var secret = sandbox.SecretsManager.Find("rotate/fail")!;
        Assert.False(secret.RotationInProgress);
        Assert.Equal(current, secret.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(token, secret.VersionIdWithStage("AWSPENDING"));
        Assert.Null(secret.VersionIdWithStage("AWSPREVIOUS"));
        Assert.Null(secret.LastRotatedDate);
        Assert.Equal(["RotationStarted", "RotationFailed"], secret.RotationEvents.Select(e => e.Name));
        Assert.StartsWith(RotationStepName(failAt) + ":", secret.RotationEvents[^1].Detail, StringComparison.Ordinal);

        // How far the rotation got shows in the pending version and the downstream service.
        var pendingHasValue = secret.Versions.Single(v => v.VersionId == token).HasValue;
        Assert.Equal(failAt != RotationStep.CreateSecret, pendingHasValue);
        var oldStillAccepted = sandbox.Downstream.Accepts("rotate/fail", "old-password");
        Assert.Equal(failAt is RotationStep.CreateSecret or RotationStep.SetSecret, oldStillAccepted);
        Assert.True(await client.GetValueAsync("rotate/fail") == "old-password", "AWSCURRENT still reads the old value");
    }

    [Fact]
    public async Task A_successful_rotation_moves_the_labels_updates_downstream_and_schedules_the_next()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, first) = await client.CreateSecretAsync("rotate/ok", "old-password");
        sandbox.Downstream.Set("rotate/ok", "old-password");
        var function = sandbox.RotationFunctions.Register("single-user", new RotationFunctionBehavior { StepLatency = TimeSpan.FromSeconds(10) });

        var token = (await client.CallAsync("RotateSecret", new
        {
            SecretId = "rotate/ok",
            RotationLambdaARN = function,
            ClientRequestToken = SecretsManagerHttp.NewToken(),
            RotationRules = new { AutomaticallyAfterDays = 30 },
        })).GetProperty("VersionId").GetString()!;

        // Steps land one StepLatency apart: after 15 s only createSecret has run.
        sandbox.Clock.Advance(TimeSpan.FromSeconds(15));
        var midway = sandbox.SecretsManager.Find("rotate/ok")!;
        Assert.True(midway.RotationInProgress);
        Assert.True(midway.Versions.Single(v => v.VersionId == token).HasValue);
        Assert.True(sandbox.Downstream.Accepts("rotate/ok", "old-password"), "setSecret has not run yet");

        sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var done = sandbox.SecretsManager.Find("rotate/ok")!;
        Assert.False(done.RotationInProgress);
        Assert.Equal(token, done.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(first, done.VersionIdWithStage("AWSPREVIOUS"));
        Assert.Null(done.VersionIdWithStage("AWSPENDING"));
        Assert.Equal(TestSandbox.Start.AddSeconds(40), done.LastRotatedDate);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 23, 59, 59, TimeSpan.Zero), done.NextRotationDate);

        var newValue = await client.GetValueAsync("rotate/ok");
        Assert.True(newValue.Length == 32, "GeneratePassword makes a 32-character password");
        Assert.True(sandbox.Downstream.Accepts("rotate/ok", newValue), "setSecret installed the new password downstream");
        Assert.False(sandbox.Downstream.Accepts("rotate/ok", "old-password"), "single-user rotation retires the old password");

        var described = await client.CallAsync("DescribeSecret", new { SecretId = "rotate/ok" });
        Assert.Equal(TestSandbox.Start.AddSeconds(40).ToUnixTimeSeconds(), described.GetProperty("LastRotatedDate").GetDecimal());
        Assert.True(described.GetProperty("RotationEnabled").GetBoolean());
    }

    [Fact]
    public async Task Alternating_users_keep_the_current_credential_valid_downstream()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("rotate/alternating", """{"username":"app_a","password":"old"}""");
        sandbox.Downstream.Set("rotate/alternating", """{"username":"app_a","password":"old"}""");
        var function = sandbox.RotationFunctions.Register("alternating", new RotationFunctionBehavior
        {
            Strategy = RotationStrategy.RotateJsonKey("password"),
            KeepCurrentCredentialValid = true,
        });

        await client.CallAsync("RotateSecret", new { SecretId = "rotate/alternating", RotationLambdaARN = function, ClientRequestToken = SecretsManagerHttp.NewToken() });

        var rotated = await client.GetValueAsync("rotate/alternating");
        Assert.True(sandbox.Downstream.Accepts("rotate/alternating", rotated), "the new credential works");
        Assert.True(sandbox.Downstream.Accepts("rotate/alternating", """{"username":"app_a","password":"old"}"""), "the previous credential still works");
    }

    [Fact]
    public async Task RotateImmediately_false_only_tests_the_configuration_and_removes_its_placeholder()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, current) = await client.CreateSecretAsync("rotate/dry", "v");
        var function = sandbox.RotationFunctions.Register("dry", new RotationFunctionBehavior { StepLatency = TimeSpan.FromSeconds(30) });

        var token = (await client.CallAsync("RotateSecret", new
        {
            SecretId = "rotate/dry",
            RotationLambdaARN = function,
            ClientRequestToken = SecretsManagerHttp.NewToken(),
            RotationRules = new { ScheduleExpression = "rate(10 days)" },
            RotateImmediately = false,
        })).GetProperty("VersionId").GetString()!;
        Assert.Equal(token, sandbox.SecretsManager.Find("rotate/dry")!.VersionIdWithStage("AWSPENDING"));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var secret = sandbox.SecretsManager.Find("rotate/dry")!;
        Assert.Equal([current], secret.Versions.Select(v => v.VersionId));
        Assert.Equal(current, secret.VersionIdWithStage("AWSCURRENT"));
        Assert.Null(secret.LastRotatedDate);
        Assert.True(secret.RotationEnabled);
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 23, 59, 59, TimeSpan.Zero), secret.NextRotationDate);
        Assert.Equal(["RotationStarted", "RotationSucceeded"], secret.RotationEvents.Select(e => e.Name));

        var described = await client.CallAsync("DescribeSecret", new { SecretId = "rotate/dry" });
        Assert.Equal(10, described.GetProperty("RotationRules").GetProperty("AutomaticallyAfterDays").GetInt32());
        Assert.Equal("rate(10 days)", described.GetProperty("RotationRules").GetProperty("ScheduleExpression").GetString());
    }

    [Fact]
    public async Task A_function_without_the_invoke_permission_is_refused_and_nothing_changes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("rotate/denied", "v");
        var function = sandbox.RotationFunctions.Register("no-permission", new RotationFunctionBehavior { AllowSecretsManagerInvoke = false });

        var denied = await client.FailAsync("RotateSecret", new { SecretId = "rotate/denied", RotationLambdaARN = function, ClientRequestToken = SecretsManagerHttp.NewToken() });
        Assert.Equal("AccessDeniedException", denied.Code);
        var described = await client.CallAsync("DescribeSecret", new { SecretId = "rotate/denied" });
        Assert.False(described.TryGetProperty("RotationEnabled", out _));
        Assert.False(described.TryGetProperty("RotationLambdaARN", out _));
        Assert.Single(described.GetProperty("VersionIdsToStages").EnumerateObject());

        var noToken = await client.FailAsync("RotateSecret", new { SecretId = "rotate/denied", RotationLambdaARN = function });
        Assert.Equal("InvalidRequestException", noToken.Code);
    }

    [Fact]
    public async Task CancelRotateSecret_stops_a_rotation_in_progress_and_leaves_its_labels()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, current) = await client.CreateSecretAsync("rotate/cancel", "v");
        var function = sandbox.RotationFunctions.Register("slow", new RotationFunctionBehavior { StepLatency = TimeSpan.FromMinutes(1) });
        var token = (await client.CallAsync("RotateSecret", new { SecretId = "rotate/cancel", RotationLambdaARN = function, ClientRequestToken = SecretsManagerHttp.NewToken() }))
            .GetProperty("VersionId").GetString()!;
        sandbox.Clock.Advance(TimeSpan.FromSeconds(90));

        // Repeating the call with its token is a retry, not a second rotation; a new token is refused.
        var retried = await client.CallAsync("RotateSecret", new { SecretId = "rotate/cancel", ClientRequestToken = token });
        Assert.Equal(token, retried.GetProperty("VersionId").GetString());
        Assert.Equal("InvalidRequestException", (await client.FailAsync("RotateSecret", new { SecretId = "rotate/cancel", ClientRequestToken = SecretsManagerHttp.NewToken() })).Code);

        var cancelled = await client.CallAsync("CancelRotateSecret", new { SecretId = "rotate/cancel" });
        Assert.Equal(token, cancelled.GetProperty("VersionId").GetString());
        sandbox.Clock.Advance(TimeSpan.FromHours(1));

        var secret = sandbox.SecretsManager.Find("rotate/cancel")!;
        Assert.False(secret.RotationInProgress);
        Assert.False(secret.RotationEnabled);
        Assert.Equal(current, secret.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(token, secret.VersionIdWithStage("AWSPENDING"));
        Assert.Equal(["RotationStarted", "RotationAbandoned"], secret.RotationEvents.Select(e => e.Name));
    }

    [Fact]
    public async Task The_next_scheduled_window_reattempts_a_failed_rotation_with_the_same_token()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        var (_, first) = await client.CreateSecretAsync("rotate/retry", "v");
        var function = sandbox.RotationFunctions.Register("flaky", new RotationFunctionBehavior { FailAtStep = RotationStep.FinishSecret });
        var token = (await client.CallAsync("RotateSecret", new
        {
            SecretId = "rotate/retry",
            RotationLambdaARN = function,
            ClientRequestToken = SecretsManagerHttp.NewToken(),
            RotationRules = new { ScheduleExpression = "rate(6 hours)" },
        })).GetProperty("VersionId").GetString()!;
        var failed = sandbox.SecretsManager.Find("rotate/retry")!;
        Assert.Equal("RotationFailed", failed.RotationEvents[^1].Name);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 15, 59, 59, TimeSpan.Zero), failed.NextRotationDate);

        sandbox.RotationFunctions.Register("flaky", new RotationFunctionBehavior());
        sandbox.Clock.Advance(TimeSpan.FromHours(6));

        var retried = sandbox.SecretsManager.Find("rotate/retry")!;
        Assert.Equal(token, retried.VersionIdWithStage("AWSCURRENT"));
        Assert.Equal(first, retried.VersionIdWithStage("AWSPREVIOUS"));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 15, 0, 0, TimeSpan.Zero), retried.LastRotatedDate);
        Assert.Equal(token, retried.RotationEvents[^1].VersionId);
        Assert.Equal("RotationSucceeded", retried.RotationEvents[^1].Name);
    }

    [Theory]
    [InlineData("""{"AutomaticallyAfterDays":0}""")]
    [InlineData("""{"AutomaticallyAfterDays":1001}""")]
    [InlineData("""{"AutomaticallyAfterDays":5,"ScheduleExpression":"rate(5 days)"}""")]
    [InlineData("""{"ScheduleExpression":"rate(3 hours)"}""")]
    [InlineData("""{"ScheduleExpression":"rate(0 days)"}""")]
    [InlineData("""{"ScheduleExpression":"every day"}""")]
    [InlineData("""{"ScheduleExpression":"cron(0 */2 * * ? *)"}""")]
    [InlineData("""{"ScheduleExpression":"cron(0 12 1 * 2 *)"}""")]
    [InlineData("""{"ScheduleExpression":"rate(1 day)","Duration":"3"}""")]
    [InlineData("""{"ScheduleExpression":"rate(6 hours)","Duration":"7h"}""")]
    [InlineData("""{"ScheduleExpression":"cron(0 22 * * ? *)","Duration":"4h"}""")]
    [InlineData("""{"Duration":"2h"}""")]
    public async Task Invalid_rotation_rules_are_InvalidParameterException(string rules)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("rotate/rules", "v");
        var function = sandbox.RotationFunctions.Register("rules", new RotationFunctionBehavior());
        var body = $$"""{"SecretId":"rotate/rules","RotationLambdaARN":"{{function}}","ClientRequestToken":"{{SecretsManagerHttp.NewToken()}}","RotationRules":{{rules}}}""";

        var error = await AwsError.ReadAsync(await client.SendAsync("RotateSecret", body));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Null(sandbox.SecretsManager.Find("rotate/rules")!.RotationEnabled);
    }

    [Theory]
    [InlineData("""{"ScheduleExpression":"rate(4 hours)"}""", "2025-03-10T13:59:59Z")]
    [InlineData("""{"ScheduleExpression":"rate(12 hours)","Duration":"3h"}""", "2025-03-10T23:59:59Z")]
    [InlineData("""{"ScheduleExpression":"cron(0 16 1,15 * ? *)"}""", "2025-03-15T23:59:59Z")]
    [InlineData("""{"ScheduleExpression":"cron(0 4/12 * * ? *)"}""", "2025-03-10T16:59:59Z")]
    [InlineData("""{"ScheduleExpression":"cron(0 8 ? * MON#2 *)","Duration":"2h"}""", "2025-04-14T09:59:59Z")]
    [InlineData("""{"ScheduleExpression":"cron(0 0 L * ? *)"}""", "2025-03-31T23:59:59Z")]
    [InlineData("""{"AutomaticallyAfterDays":1000}""", "2027-12-05T23:59:59Z")]
    public async Task Valid_schedules_report_the_end_of_their_next_window_as_NextRotationDate(string rules, string expected)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new SecretsManagerHttp(sandbox);
        await client.CreateSecretAsync("rotate/schedule", "v");
        var function = sandbox.RotationFunctions.Register("schedule", new RotationFunctionBehavior());
        var body = $$"""{"SecretId":"rotate/schedule","RotationLambdaARN":"{{function}}","ClientRequestToken":"{{SecretsManagerHttp.NewToken()}}","RotationRules":{{rules}},"RotateImmediately":false}""";

        using var response = await client.SendAsync("RotateSecret", body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), sandbox.SecretsManager.Find("rotate/schedule")!.NextRotationDate);
    }

    private static string RotationStepName(RotationStep step) => step switch
    {
        RotationStep.CreateSecret => "createSecret",
        RotationStep.SetSecret => "setSecret",
        RotationStep.TestSecret => "testSecret",
        _ => "finishSecret",
    };
}
