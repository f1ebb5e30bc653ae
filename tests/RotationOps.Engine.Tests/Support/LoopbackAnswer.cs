namespace RotationOps.Engine.Tests.Support;

/// <summary>An answer for <see cref="LoopbackServer"/>; null from the responder drops the connection.</summary>
internal sealed record LoopbackAnswer(int Status, string Json, string RequestId = "loopback-req");
