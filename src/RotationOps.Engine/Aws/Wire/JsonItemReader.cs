using System.Text.Json;

namespace RotationOps.Engine.Aws.Wire
{
    /// <summary>Reads one object of a JSON list; the reader is inside it and leaves it on its EndObject.</summary>
    internal delegate T JsonItemReader<out T>(ref Utf8JsonReader reader);
}
