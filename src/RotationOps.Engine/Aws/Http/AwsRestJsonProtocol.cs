using System.Net.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// The restJson1 request shape: the operation is the method and path, parameters go in the path,
/// the query string and headers, and any structured body is JSON. Errors carry x-amzn-ErrorType and
/// a JSON body, read with <see cref="AwsJsonErrorParser"/>.
/// </summary>
internal static class AwsRestJsonProtocol
{
    public static IAwsErrorParser ErrorParser => AwsJsonErrorParser.Instance;

    /// <summary>
    /// <paramref name="path"/> is already escaped; <paramref name="query"/> may be null. Takes
    /// ownership of <paramref name="body"/> (sent as application/json); disposing the request zeroes it.
    /// </summary>
    public static AwsHttpRequest CreateRequest(string operation, string targetId, HttpMethod method, string path,
        UrlEncodedText? query, SensitiveBufferWriter? body)
    {
        string pathAndQuery = query is null || query.IsEmpty ? path : path + "?" + query;
        var request = new AwsHttpRequest(operation, targetId, method, pathAndQuery, body);
        if (body != null) request.Headers["Content-Type"] = "application/json";
        return request;
    }
}
