using System.Threading.Tasks;

namespace RotationOps.Engine.Journal;

/// <summary>
/// Reads what AWS holds after a mutation whose answer was lost or ambiguous: the call's result
/// when the change is there (the call took effect), or null when it is not.
/// </summary>
public delegate Task<T?> ReadBack<T>() where T : class;
