#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 000 "environment variable updates through an alias-targeted version": the new variables are
    merged into the live version's set, published as a new version, tried directly, then shifted
    10% -> 50% -> 100%. Variable values never appear in the output (plans show short hashes).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $FunctionName,
    [Parameter(Mandatory)] [hashtable] $Environment,
    [string[]] $RemoveEnvironmentVariable,
    [string] $AliasName = 'LIVE',
    [timespan] $BakeTime = '00:15:00',
    # The error-rate gate judges only once the canary has served this many calls.
    [int] $MinInvocations = 200
)

$change = @{ Environment = $Environment }
if ($RemoveEnvironmentVariable) { $change.RemoveEnvironmentVariable = $RemoveEnvironmentVariable }

Publish-LambdaCanary -FunctionName $FunctionName -AliasName $AliasName -Weight 0.1 @change -PreTrafficPayload '{"healthcheck":true}' |
    Set-AliasWeight -Steps 0.5, 1 -BakeTime $BakeTime -MaxErrorRate 0.01 -MinInvocations $MinInvocations
