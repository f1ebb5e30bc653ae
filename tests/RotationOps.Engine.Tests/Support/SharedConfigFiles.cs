using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// The shared config and credentials files the tests use. AWSSDK.Core reads AWS_CONFIG_FILE and
/// AWS_SHARED_CREDENTIALS_FILE once per process, so they are pointed at a private directory before
/// any test runs; tests then rewrite the files' contents (which the SDK re-reads every time).
/// </summary>
internal static class SharedConfigFiles
{
    public static readonly string Directory = Path.Combine(Path.GetTempPath(), "rotationops-tests-" + Guid.NewGuid().ToString("N"));
    public static readonly string ConfigPath = Path.Combine(Directory, "config");
    public static readonly string CredentialsPath = Path.Combine(Directory, "credentials");

    [ModuleInitializer]
    internal static void PointSdkAtTestFiles()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Write("", "");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigPath);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsPath);
        AppDomain.CurrentDomain.ProcessExit += (sender, args) =>
        {
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        };
    }

    public static void Write(string config, string credentials)
    {
        File.WriteAllText(ConfigPath, config);
        File.WriteAllText(CredentialsPath, credentials);
    }
}
