#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 003 "rotation configured but never happens": audit secrets and name what is wrong with
    each: rotation not enabled, no rotation function, an unfinished rotation blocking the next,
    or a missed schedule.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, ValueFromPipeline)] [string[]] $SecretId,
    [timespan] $MaxAge = '90.00:00:00'
)
process {
    $SecretId | Test-RotatedSecret -MaxAge $MaxAge -ErrorAction SilentlyContinue |
        Where-Object { -not $_.Passed } |
        ForEach-Object {
            foreach ($check in $_.Checks | Where-Object Result -eq 'Failed') {
                [pscustomobject]@{ Secret = $_.Name; Check = $check.Name; Why = $check.Detail }
            }
        }
}
