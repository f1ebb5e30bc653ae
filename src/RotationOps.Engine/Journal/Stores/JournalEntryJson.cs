using System.Text.Json;
using System.Text.Json.Serialization;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>One entry as JSON: a line of the journal file, or the body of a DynamoDB journal item.</summary>
internal static class JournalEntryJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(JournalEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>The entry, or null for text that is not one (a line torn by a crash mid-write).</summary>
    public static JournalEntry? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
