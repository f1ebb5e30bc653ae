<#
.SYNOPSIS
    Start-up benchmark (bench/run.sh --import): what a scheduled task or CI step pays before its
    first AWS answer. Each run is a fresh PowerShell process (`dotnet pwsh.dll -NoProfile`) that
    imports the built module and makes one read (Test-RotatedSecret -Quiet: DescribeSecret and
    GetSecretValue) against a Sandbox process; beside it, the AWS CLI v2 making one describe-secret
    per process, as a shell runbook does. Prints figures, no verdicts.
.DESCRIPTION
    Import and first call are timed inside the process (Stopwatch), the whole process from outside.
    The first run of each is dropped: it pays for the disk cache, which a scheduled task on a warm
    machine does not.
#>
[CmdletBinding()]
param(
    [int] $Runs = 10,
    [string] $Module
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
. (Join-Path $root 'tests/pester/SandboxProcess.ps1')
. (Join-Path $PSScriptRoot 'Figures.ps1')
if (-not $Module) { $Module = Join-Path $root 'out/RotationOps/RotationOps.psd1' }

function Measure-Process([string[]] $Command) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $Command[0] @($Command | Select-Object -Skip 1) 2>&1
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "$($Command -join ' ') failed: $output" }
    [pscustomobject]@{ WallMs = $watch.Elapsed.TotalMilliseconds; Output = $output }
}

$sandbox = Start-SandboxProcess -RepositoryRoot $root
$previous = Set-ProcessEnvironment -Values $sandbox.Settings
try {
    $null = New-SandboxSecret -Name bench/startup -Value '{"password":"Start-Up-Bench-1"}'
    $probe = Join-Path ([System.IO.Path]::GetTempPath()) "rotationops-startup-$PID.ps1"
    Set-Content -Path $probe -Value @"
`$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module '$Module'
`$imported = `$watch.Elapsed.TotalMilliseconds
`$passed = Test-RotatedSecret -SecretId bench/startup -RequiredKey password -ExcludeCheck RotationEnabled, RotationFunctionConfigured, NotOverdue, PreviousKept, ValueChanged -Quiet
if (-not `$passed) { throw 'the probe read failed' }
"{0:F1} {1:F1}" -f `$imported, (`$watch.Elapsed.TotalMilliseconds - `$imported)
"@
    $pwsh = Get-PwshCommand
    $probeRuns = foreach ($run in 0..$Runs) {
        $measured = Measure-Process (@($pwsh) + '-NoProfile', '-NonInteractive', '-File', $probe)
        $inside = ("$($measured.Output | Select-Object -Last 1)" -split ' ') | ForEach-Object { [double]$_ }
        if ($run -gt 0) { [pscustomobject]@{ ImportMs = $inside[0]; FirstCallMs = $inside[1]; WallMs = $measured.WallMs } }
    }
    $cli = foreach ($run in 0..$Runs) {
        $measured = Measure-Process @('/usr/bin/aws', '--endpoint-url', $sandbox.Settings.AWS_ENDPOINT_URL, 'secretsmanager', 'describe-secret', '--secret-id', 'bench/startup')
        if ($run -gt 0) { $measured.WallMs }
    }

    function New-Row([string] $Figure, [double[]] $Values) {
        [pscustomobject]@{ Figure = $Figure; p50 = Get-Percentile $Values 0.5; p95 = Get-Percentile $Values 0.95 }
    }
    $rows = @(
        New-Row 'Import-Module RotationOps, ms' ($probeRuns | ForEach-Object ImportMs)
        New-Row 'first AWS answer after import (DescribeSecret + GetSecretValue), ms' ($probeRuns | ForEach-Object FirstCallMs)
        New-Row 'whole pwsh process: start, import, first call, exit, ms' ($probeRuns | ForEach-Object WallMs)
        New-Row 'AWS CLI v2 process: one describe-secret, ms' $cli
    )
    "Start-up, $Runs fresh processes each (first dropped):"
    $rows | Format-Table -AutoSize @{ n = 'figure'; e = 'Figure' }, @{ n = 'p50'; e = { '{0:N0}' -f $_.p50 } }, @{ n = 'p95'; e = { '{0:N0}' -f $_.p95 } } | Out-String
} finally {
    Set-ProcessEnvironment -Values $previous | Out-Null
    Stop-SandboxProcess -Sandbox $sandbox
    if ($probe) { Remove-Item -Path $probe -ErrorAction SilentlyContinue }
}
