namespace RotationOps.Sandbox.Faults;

/// <summary>What an injected fault does to a matching call.</summary>
public enum FaultKind
{
    /// <summary>Answer the service's own throttling error (Secrets Manager: 400 ThrottlingException "Rate exceeded").</summary>
    Throttle,

    /// <summary>Answer the service's internal error (Secrets Manager: 500 InternalServiceError).</summary>
    ServerError,

    /// <summary>Delay the reply by <see cref="FaultRule.Latency"/> of real time, then answer normally.</summary>
    Latency,

    /// <summary>Abort the TCP connection without writing a reply; the call is not applied.</summary>
    DropConnection,

    /// <summary>
    /// Apply the call, then abort the connection before the reply: AWS made the change and the
    /// caller cannot tell, as when a reply is lost on the network or a timeout fires late.
    /// </summary>
    DropReply,

    /// <summary>
    /// Apply the call, then hold its reply for <see cref="FaultRule.Latency"/> of real time: AWS made
    /// the change and the answer comes late — after the caller's timeout, or after it was stopped
    /// or killed.
    /// </summary>
    SlowReply,

    /// <summary>
    /// Lambda only: answer 409 ResourceConflictException, as Lambda does while another update to
    /// the function is still in progress. The call is not applied.
    /// </summary>
    Conflict,

    /// <summary>
    /// Lambda only: answer 412 PreconditionFailedException, as Lambda does when another writer
    /// changed the function or alias since the caller read its RevisionId. The call is not applied.
    /// </summary>
    PreconditionFailed,
}
