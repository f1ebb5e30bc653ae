using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RotationOps.Engine.Canary;

/// <summary>
/// A deployment's steps as one journal detail, so a deployment read back from the journal
/// (piped by id, or resumed in another process) still tells its whole story: the initial
/// canary step, every shift, and each step's gate evidence.
/// </summary>
internal static class StepHistory
{
    private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? ToJson(IReadOnlyList<DeploymentStep> steps) =>
        steps.Count == 0 ? null : JsonSerializer.Serialize(steps, JsonOptions);

    public static IReadOnlyList<DeploymentStep> FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return Array.Empty<DeploymentStep>();
        try
        {
            return JsonSerializer.Deserialize<List<DeploymentStep>>(json!, JsonOptions) ?? (IReadOnlyList<DeploymentStep>)Array.Empty<DeploymentStep>();
        }
        catch (JsonException)
        {
            // The history is the story, not the state: a resume goes on without it.
            return Array.Empty<DeploymentStep>();
        }
    }
}
