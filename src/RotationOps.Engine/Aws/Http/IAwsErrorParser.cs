namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Reads the error code and message out of a non-2xx answer. One per wire protocol (awsJson and
/// restJson1 share JSON bodies; awsQuery answers in XML), so the invoker stays protocol-neutral.
/// </summary>
internal interface IAwsErrorParser
{
    /// <summary>"JSON" or "XML": what the protocol's answers are written in, for the message about one that is not.</summary>
    string BodyFormat { get; }

    AwsErrorDetails Parse(AwsHttpResponse response);
}
