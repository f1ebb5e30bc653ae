# The fault matrix's cases: every step that changes AWS, and the faults each one meets.
# Timeout: no answer within -CallTimeout, nothing applied; LateTimeout: applied, the answer comes after
# -CallTimeout; Kill: the process killed with the call unanswered and not applied; KillAfterApply:
# killed after AWS applied the call, before its answer arrived.
# Read by FaultMatrix.Tests.ps1 both to name its tests and to run them.
@{
    LambdaFaults = 'Throttle', 'ServerError', 'Timeout', 'LateTimeout', 'Reset', 'LostReply', 'Conflict', 'PreconditionFailed', 'Cancel', 'Kill', 'KillAfterApply'
    # Secrets Manager has no 409 or 412: its concurrent changes are covered by the concurrent-rotation scenarios.
    SecretFaults = 'Throttle', 'ServerError', 'Timeout', 'LateTimeout', 'Reset', 'LostReply', 'Cancel', 'Kill', 'KillAfterApply'
    LambdaSteps  = @(
        'Publish-LambdaCanary updates $LATEST configuration'
        'Publish-LambdaCanary updates $LATEST code'
        'Publish-LambdaCanary publishes the version'
        'Publish-LambdaCanary routes the canary'
        'Set-AliasWeight shifts a step'
        'Set-AliasWeight promotes'
        'Undo-Deployment restores the alias'
    )
    SecretSteps  = @(
        'Invoke-SecretRotation stages AWSPENDING'
        'Invoke-SecretRotation moves AWSCURRENT'
        'Invoke-SecretRotation takes AWSPENDING off'
        'Invoke-SecretRotation starts RotateSecret'
        'Invoke-SecretRotation -Complete promotes'
        'Undo-Deployment moves AWSCURRENT back'
    )
}
