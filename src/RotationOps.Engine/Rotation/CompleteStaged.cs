using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Locks;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// Invoke-SecretRotation -Complete: promotes a version staged by -Pending. A version this module
/// did not stage (e.g. one a failed rotation function left) is refused unless -Force: its value
/// may never have reached the database.
/// </summary>
internal sealed class CompleteStaged
{
    private readonly RotationContext _context;
    private readonly string _secretId;
    private readonly string _versionId;
    private readonly string? _expectedCurrent;
    private readonly string? _deploymentId;
    private readonly bool _force;
    private readonly ISecretTester? _tester;

    public CompleteStaged(RotationContext context, string secretId, string versionId, string? expectedCurrent,
        string? deploymentId, bool force, ISecretTester? tester)
    {
        _context = context;
        _secretId = secretId;
        _versionId = versionId;
        _expectedCurrent = expectedCurrent;
        _deploymentId = deploymentId;
        _force = force;
        _tester = tester;
    }

    public async Task<SecretRotation> RunAsync()
    {
        var host = _context.Host;
        if (string.IsNullOrWhiteSpace(_versionId))
            throw RunbookException.InvalidParameter("VersionId", "give the version staged with -Pending (its VersionId).");
        var secret = await _context.DescribeAsync(_secretId).ConfigureAwait(false);
        var stages = new StageMap(secret.VersionIdsToStages);
        var run = _context.NewRun(secret, RotationMode.Manual,
            _deploymentId ?? DeploymentJournal.NewDeploymentId("rot", host.Time), host.Time.GetUtcNow());
        run.VersionId = _versionId;
        await using var held = await DeploymentLock.AcquireAsync(_context.Journal, host.Time, secret.Arn, run.DeploymentId, _force).ConfigureAwait(false);

        if (stages.Current == _versionId && stages.Pending != _versionId)
        {
            run.PreviousVersionId = stages.Previous;
            return await _context.FinishAsync(run, RotationStatus.Completed, $"Version {_versionId} was already {SecretStages.Current}; nothing to do.").ConfigureAwait(false);
        }
        if (stages.Pending != _versionId)
            throw new RunbookException("VersionNotPending", RunbookErrorCategory.InvalidOperation,
                $"Version {_versionId} of secret '{secret.Name}' is not {SecretStages.Pending} (its labels: {string.Join(", ", stages.StagesOf(_versionId))}), so there is nothing to complete.",
                secret.Arn, "VersionId");
        var history = await _context.HistoryOfAsync(secret.Arn).ConfigureAwait(false);
        if (!history.StagedValue(_versionId) && !_force)
            throw new RunbookException("VersionNotStaged", RunbookErrorCategory.InvalidOperation,
                $"Version {_versionId} of secret '{secret.Name}' is {SecretStages.Pending}, but this module did not stage its value " +
                "(only a value -Pending staged, as the journal records, is promoted without -Force). " + history.AdviceForUnfinished(secret.Name, _versionId),
                secret.Arn, "VersionId");
        if (_expectedCurrent != null && stages.Current != _expectedCurrent && !_force)
            throw new RunbookException("CurrentVersionChanged", RunbookErrorCategory.InvalidOperation,
                $"{SecretStages.Current} of secret '{secret.Name}' moved from version {_expectedCurrent} to {stages.Current} after version {_versionId} was staged; " +
                "completing now would silently replace that change. Re-run with -Force to promote it anyway.",
                secret.Arn, "Force");

        var plan = new ChangePlan().Add(secret.Name, LabelMoves.DescribePromote(_versionId, stages.Current));
        if (!plan.Approve(host))
            return await _context.FinishAsync(run, RotationStatus.NotRun, ChangePlan.NotApprovedMessage).ConfigureAwait(false);

        var promotion = new PromoteStaged(_context, _context.LabelMovesFor(run.DeploymentId, secret.Arn), run);
        if (_tester != null)
        {
            using (var pending = await _context.Client.GetSecretValueAsync(secret.Arn, _versionId, null, host.Cancellation).ConfigureAwait(false))
            {
                var rejected = await promotion.TestAsync(_tester, _versionId, pending.Value).ConfigureAwait(false);
                if (rejected != null) return rejected;
            }
        }
        return await promotion.PromoteAsync(_versionId, stages.Current).ConfigureAwait(false);
    }
}
