namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// One Lambda API operation. It runs under the function store's lock, validates everything before
/// changing anything, and returns its whole reply (status, body, headers).
/// </summary>
internal interface ILambdaOperation
{
    string Name { get; }

    LambdaReply Execute(LambdaCall call);
}
