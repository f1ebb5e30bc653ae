using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RotationOps.Engine.Journal;

namespace RotationOps.Engine.Canary
{
    /// <summary>
    /// A deployment as the journal keeps it (ids, versions, weight — never values), so that
    /// Set-AliasWeight -DeploymentId can resume and Undo-Deployment -DeploymentId can undo it
    /// from another process or after a crash.
    /// </summary>
    internal static class DeploymentRecord
    {
        public static Dictionary<string, string> ToDetails(LambdaDeployment deployment, double weight) =>
            JournalDetails.Of(
                ("FunctionName", deployment.FunctionName),
                ("AliasName", deployment.AliasName),
                ("StableVersion", deployment.StableVersion),
                ("CanaryVersion", deployment.CanaryVersion),
                ("Weight", weight.ToString("R", CultureInfo.InvariantCulture)),
                ("Status", deployment.Status.ToString()),
                ("SecretId", deployment.SecretId),
                ("SecretVersionId", deployment.SecretVersionId),
                ("PreviousSecretVersionId", deployment.PreviousSecretVersionId));

        /// <summary>The latest state of a deployment recorded in the journal, or null if it has none.</summary>
        public static LambdaDeployment? Find(DeploymentJournal journal, string deploymentId)
        {
            var entries = journal.ReadDeployment(deploymentId).Where(e => e.Action == "LambdaDeployment").ToList();
            if (entries.Count == 0) return null;
            var first = entries[0];
            var last = entries.Last(e => e.Details.ContainsKey("CanaryVersion") || e == first);
            string Get(JournalEntry e, string key) => e.Details.TryGetValue(key, out var v) ? v : "";
            string? Optional(string key) => first.Details.TryGetValue(key, out var v) ? v : null;
            return new LambdaDeployment
            {
                DeploymentId = deploymentId,
                FunctionName = Get(first, "FunctionName"),
                AliasName = Get(first, "AliasName"),
                StableVersion = Get(first, "StableVersion"),
                CanaryVersion = Get(last, "CanaryVersion"),
                Weight = double.TryParse(Get(last, "Weight"), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : 0,
                Status = Enum.TryParse<DeploymentStatus>(Get(last, "Status"), out var s) ? s : DeploymentStatus.Canary,
                SecretId = Optional("SecretId"),
                SecretVersionId = Optional("SecretVersionId"),
                PreviousSecretVersionId = Optional("PreviousSecretVersionId"),
                StartedAt = first.Time,
            };
        }
    }
}
