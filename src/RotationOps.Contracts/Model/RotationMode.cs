namespace RotationOps;

public enum RotationMode
{
    /// <summary>RotateSecret: Secrets Manager drives the rotation function.</summary>
    Service,
    /// <summary>Client-side create → test → finish with a value we supply or generate.</summary>
    Manual,
}
