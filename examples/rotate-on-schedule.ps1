#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 000 "automated secret rotation" and seed 004's admin on-demand rotation, as a scheduled
    task: rotate every secret tagged for it through its rotation function, verify each, and exit
    non-zero if any failed. One bad secret does not stop the others.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string[]] $SecretId,
    [string] $Region,
    [timespan] $Timeout = '00:15:00'
)

$common = @{}
if ($Region) { $common.Region = $Region }

$rotations = $SecretId | Invoke-SecretRotation @common -Timeout $Timeout -ErrorVariable rotationErrors -ErrorAction Continue
$results = $rotations | Test-RotatedSecret @common -ErrorVariable validationErrors -ErrorAction Continue

$results | Format-Table
if ($rotationErrors -or $validationErrors) {
    $rotationErrors + $validationErrors | ForEach-Object { Write-Warning $_.Exception.Message }
    exit 1
}
