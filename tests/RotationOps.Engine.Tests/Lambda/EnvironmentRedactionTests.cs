using System.Net;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Lambda.Wire;

namespace RotationOps.Engine.Tests.Lambda;

/// <summary>Environment values sent in a request never come back in the error it raised, however short.</summary>
public sealed class EnvironmentRedactionTests
{
    [Fact]
    public void A_short_value_standing_alone_is_redacted_while_the_same_characters_inside_the_text_are_kept()
    {
        var error = new AwsServiceException("lambda", "UpdateFunctionConfiguration", "InvalidParameterValueException",
            "1 validation error detected: Value '{DB_PIN=482, FLAG=1, API_KEY: \"Zq9\"}' at 'environment.variables' failed to satisfy constraint",
            HttpStatusCode.BadRequest, null);

        var redacted = EnvironmentRedaction.Redact(error, new[] { "482", "1", "Zq9" });

        Assert.Equal("1 validation error detected: Value '{DB_PIN=[redacted], FLAG=[redacted], API_KEY: \"[redacted]\"}' at 'environment.variables' failed to satisfy constraint",
            redacted.ServiceMessage);
    }

    [Fact]
    public void A_long_value_is_redacted_wherever_it_appears()
    {
        var error = new AwsServiceException("lambda", "UpdateFunctionConfiguration", "InvalidParameterValueException",
            "bad value hunter2-TOP-SECRETx", HttpStatusCode.BadRequest, null);

        Assert.Equal("bad value [redacted]x", EnvironmentRedaction.Redact(error, new[] { "hunter2-TOP-SECRET" }).ServiceMessage);
    }
}
