#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 000 "Lambda runtime upgrade": every function on an old runtime gets a canary version on the
    new runtime behind its LIVE alias, then 25% / 50% / 100% with 30-minute bakes, rolled back on
    alarms or a canary error rate above 1%. All functions bake at the same time.
.EXAMPLE
    ./runtime-upgrade-fleet.ps1 -FromRuntime python3.8 -ToRuntime python3.11 -Region eu-west-1
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $FromRuntime,
    [Parameter(Mandatory)] [string] $ToRuntime,
    [string] $AliasName = 'LIVE',
    [string[]] $Alarm,
    [timespan] $BakeTime = '00:30:00',
    # The error-rate gates judge only once a canary has served this many calls.
    [int] $MinInvocations = 100,
    [string] $Region
)

$common = @{}
if ($Region) { $common.Region = $Region }
$gates = @{ MaxErrorRate = 0.01; MaxErrorRateIncrease = 0.005; MinInvocations = $MinInvocations }
if ($Alarm) { $gates.Alarm = $Alarm }

# Get-LMFunctionList (AWS.Tools.Lambda) objects bind by FunctionName.
Get-LMFunctionList @common | Where-Object Runtime -eq $FromRuntime |
    Publish-LambdaCanary @common -AliasName $AliasName -Runtime $ToRuntime -Weight 0.05 -Description "Runtime upgrade to $ToRuntime" |
    Set-AliasWeight @common -Steps 0.25, 0.5, 1 -BakeTime $BakeTime @gates -ErrorVariable failed -ErrorAction Continue |
    Format-Table

# Each rolled-back function's error carries its deployment, with every gate's evidence.
foreach ($record in $failed) {
    $deployment = $record.TargetObject
    Write-Warning "$($deployment.FunctionName): $($deployment.Message)"
    $deployment.Steps | ForEach-Object Gates | Format-Table
}
