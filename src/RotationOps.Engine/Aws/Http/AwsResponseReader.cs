namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Turns a 2xx answer into the operation's result. Throws JsonException, XmlException,
/// FormatException or InvalidOperationException when the answer is not what the protocol promises.
/// </summary>
internal delegate T AwsResponseReader<out T>(AwsHttpResponse response);
