using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// A user-supplied check of a secret value before it goes live (-TestScript): "can the new
/// password log in?". The cmdlet runs the script block on the pipeline thread.
/// </summary>
public interface ISecretTester
{
    Task<SecretTestOutcome> TestAsync(SecretTestInput input, CancellationToken cancellationToken);
}
