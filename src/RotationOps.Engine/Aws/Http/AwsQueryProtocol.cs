using System.Net.Http;
using System.Text;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// The awsQuery request shape: POST / with a form body "Action=&lt;Operation&gt;&amp;Version=&lt;api version&gt;&amp;..."
/// (lists flattened as Name.member.N). Answers are XML; errors read with <see cref="AwsQueryErrorParser"/>.
/// </summary>
internal sealed class AwsQueryProtocol
{
    private readonly string _apiVersion;

    public AwsQueryProtocol(string apiVersion)
    {
        _apiVersion = apiVersion;
    }

    public IAwsErrorParser ErrorParser => AwsQueryErrorParser.Instance;

    /// <summary>A form that already names the action and API version; the caller adds the operation's parameters.</summary>
    public UrlEncodedText StartForm(string operation) => new UrlEncodedText().Add("Action", operation).Add("Version", _apiVersion);

    public AwsHttpRequest CreateRequest(string operation, string targetId, UrlEncodedText form)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(form.ToString());
        var body = new SensitiveBufferWriter(bytes.Length);
        body.Write(bytes);
        var request = new AwsHttpRequest(operation, targetId, HttpMethod.Post, "/", body);
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        return request;
    }
}
