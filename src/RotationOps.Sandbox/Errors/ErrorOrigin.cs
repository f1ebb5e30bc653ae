namespace RotationOps.Sandbox.Errors;

/// <summary>
/// Which layer of AWS produced an error. It matters on the wire: the front door that checks
/// signatures spells the text member <c>message</c>, while Secrets Manager's own errors use <c>Message</c>.
/// </summary>
internal enum ErrorOrigin
{
    Service,
    Authentication,
}
