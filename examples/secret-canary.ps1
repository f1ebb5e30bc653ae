#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 000 "manual secret rotation with canary deployment": stage a new password (AWSPENDING),
    publish a version of the consumer function that uses it (ROTATIONOPS_SECRET_VERSION_ID), and
    shift traffic. If the canary stays healthy the secret is completed and the alias promoted; if
    not, the alias is rolled back and the staged version discarded: the old password stays current.
.NOTES
    The function reads the staged version with
    GetSecretValue(SecretId, VersionId = $env:ROTATIONOPS_SECRET_VERSION_ID) when that variable is set.
    The database must accept the staged password (alternating users, or -TestScript setting it).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $SecretId,
    [Parameter(Mandatory)] [string] $FunctionName,
    [string] $AliasName = 'LIVE',
    [timespan] $BakeTime = '00:10:00',
    # The error-rate gate judges only once the canary has served this many calls.
    [int] $MinInvocations = 100
)

# Test-RotatedSecret checks the staged version itself (readable, keys present, value changed);
# a failed check stops the canary before any version is published. The rotation-schedule checks are
# left out: this secret is rotated by this runbook, not by a rotation function.
$result = Invoke-SecretRotation -SecretId $SecretId -GeneratePassword -JsonKey password -Pending |
    Test-RotatedSecret -RequiredKey username,password -ExcludeCheck RotationEnabled,RotationFunctionConfigured |
    Publish-LambdaCanary -FunctionName $FunctionName -AliasName $AliasName -Weight 0.1 |
    Set-AliasWeight -Steps 0.5, 1 -BakeTime $BakeTime -MaxErrorRate 0.01 -MinInvocations $MinInvocations

# Once it is live, verify the secret and the consumer behind the alias.
if ($result.Status -eq 'Promoted') {
    Test-RotatedSecret -SecretId $SecretId -RequiredKey username, password -ExcludeCheck RotationEnabled, RotationFunctionConfigured `
        -FunctionName $FunctionName -Qualifier $AliasName
}
