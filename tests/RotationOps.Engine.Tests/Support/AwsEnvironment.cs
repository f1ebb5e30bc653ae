using System;
using System.Collections.Generic;

namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// Sets AWS environment variables for one test and restores them afterwards. Every variable the
/// SDK chain reads starts unset, so the machine's own AWS setup cannot leak into a test, and
/// instance metadata is switched off so a missing region fails fast instead of probing EC2.
/// </summary>
internal sealed class AwsEnvironment : IDisposable
{
    private static readonly string[] Isolated =
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL_CLOUDWATCH",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_EC2_METADATA_DISABLED",
    };

    private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>();

    public AwsEnvironment(params (string Name, string? Value)[] variables)
    {
        foreach (string name in Isolated) Set(name, null);
        Set("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var (name, value) in variables) Set(name, value);
        SharedConfigFiles.Write("", "");
    }

    public void Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name)) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (KeyValuePair<string, string?> saved in _saved) Environment.SetEnvironmentVariable(saved.Key, saved.Value);
        SharedConfigFiles.Write("", "");
    }
}
