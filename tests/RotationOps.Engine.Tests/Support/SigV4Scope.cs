namespace RotationOps.Engine.Tests.Support;

/// <summary>The credential scope a signature claims.</summary>
internal sealed record SigV4Scope(string AccessKeyId, string Region, string Service);
