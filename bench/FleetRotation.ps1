<#
.SYNOPSIS
    Fleet rotation benchmark (bench/run.sh --fleet-rotation): N manual rotations (-GeneratePassword)
    against a Sandbox process enforcing AWS's Secrets Manager quotas (writes 50/s), three ways side by
    side: one pipeline (-ThrottleLimit), a sequential foreach of the cmdlet, and an AWS CLI v2 loop
    making the same six calls a rotation makes. Prints figures, no verdicts.
.DESCRIPTION
    Throttled calls are counted from the Sandbox's own request log, not from the module. Each module
    (-Module, and -BaselineModule for a before/after comparison) runs in a PowerShell process and a
    Sandbox of its own, so both start with full quotas and cannot load each other's assemblies.
    The AWS CLI starts a Python process per call (about a second each here), so its loop runs
    -CliCount rotations and its wall time is scaled to N, which the output says.
#>
[CmdletBinding()]
param(
    # Rotations per run, e.g. 200,1000.
    [string[]] $Count = @('200', '1000'),
    [int] $ThrottleLimit = 8,
    # Which cmdlet runs to measure, e.g. pipeline,sequential; the sequential foreach takes minutes at N=1000.
    [string[]] $Mode = @('pipeline', 'sequential'),
    [int] $CliCount = 5,
    [string] $Module,
    [string] $BaselineModule,
    # Internal: run the cmdlet measurements for one module and write them as JSON to this file.
    [string] $WorkerOutput
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
. (Join-Path $root 'tests/pester/SandboxProcess.ps1')
. (Join-Path $PSScriptRoot 'Figures.ps1')
if (-not $Module) { $Module = Join-Path $root 'out/RotationOps/RotationOps.psd1' }
# A child process gets the counts as one "200,1000" argument.
[int[]] $Count = @($Count -split ',' | ForEach-Object { [int]$_ })
[string[]] $Mode = @($Mode -split ',')
foreach ($name in $Mode) {
    if ($name -notin 'pipeline', 'sequential') { throw "-Mode takes pipeline, sequential or both (pipeline,sequential); '$name' is neither." }
}

# AWS's PutSecretValue + UpdateSecret + UpdateSecretVersionStage quota, which a rotation's three writes share.
$writeQuota = 50
$writePattern = '^\S+ secretsmanager\.(PutSecretValue|UpdateSecret|UpdateSecretVersionStage) -> 200$'

function New-BenchSecret {
    param([string] $Prefix, [int] $N)
    foreach ($i in 1..$N) {
        $name = "$Prefix/$i"
        New-SandboxSecret -Name $name -Value "initial-$i" | Out-Null
        $name
    }
}

function Measure-Phase {
    # Runs $Body (which returns per-rotation latencies in seconds) and reads what the Sandbox logged meanwhile.
    param($Sandbox, [string] $Mode, [int] $N, [scriptblock] $Body)
    Start-Sleep -Seconds 2 # the quota buckets refill: each phase starts as a fresh fleet run would
    $logStart = @(Get-Content -Path $Sandbox.Log).Count
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $latencies = @(& $Body)
    $watch.Stop()
    $lines = @(Get-Content -Path $Sandbox.Log | Select-Object -Skip $logStart)
    [pscustomobject]@{
        Mode       = $Mode
        N          = $N
        WallSeconds = $watch.Elapsed.TotalSeconds
        Writes     = @($lines -match $writePattern).Count
        Calls      = @($lines -match ' secretsmanager\.').Count
        Throttled  = @($lines -match 'ThrottlingException').Count
        Latencies  = $latencies
    }
}

function Invoke-CmdletWorker {
    $sandbox = Start-SandboxProcess -RepositoryRoot $root
    $journal = Join-Path ([System.IO.Path]::GetTempPath()) "rotationops-bench-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $journal | Out-Null
    $values = $sandbox.Settings.Clone()
    $values['ROTATIONOPS_HOME'] = $journal
    Set-ProcessEnvironment -Values $values | Out-Null
    try {
        Import-Module $Module -Force
        $results = foreach ($n in $Count) {
            if ($Mode -contains 'pipeline') {
                $ids = @(New-BenchSecret -Prefix "pipeline/$n" -N $n)
                Measure-Phase -Sandbox $sandbox -Mode "pipeline -ThrottleLimit $ThrottleLimit" -N $n -Body {
                    $ids | Invoke-SecretRotation -GeneratePassword -ThrottleLimit $ThrottleLimit -Confirm:$false -ErrorAction Continue |
                        ForEach-Object { $_.Duration.TotalSeconds }
                }
            }
            if ($Mode -contains 'sequential') {
                $ids = @(New-BenchSecret -Prefix "sequential/$n" -N $n)
                Measure-Phase -Sandbox $sandbox -Mode 'sequential foreach' -N $n -Body {
                    foreach ($id in $ids) {
                        Invoke-SecretRotation -SecretId $id -GeneratePassword -Confirm:$false -ErrorAction Continue | ForEach-Object { $_.Duration.TotalSeconds }
                    }
                }
            }
        }
        ConvertTo-Json -InputObject @($results) -Depth 4 | Set-Content -Path $WorkerOutput
    } finally {
        Stop-SandboxProcess -Sandbox $sandbox
        Remove-Item -Recurse -Force $journal -ErrorAction SilentlyContinue
    }
}

function Invoke-CliLoop {
    # What a runbook would script: the same calls the cmdlet makes, one CLI process each.
    param([int] $N)
    $sandbox = Start-SandboxProcess -RepositoryRoot $root
    $previous = Set-ProcessEnvironment -Values $sandbox.Settings.Clone()
    try {
        $ids = @(New-BenchSecret -Prefix "cli/$N" -N $N)
        Measure-Phase -Sandbox $sandbox -Mode 'AWS CLI loop' -N $N -Body {
            foreach ($id in $ids) {
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $described = Invoke-Aws secretsmanager describe-secret --secret-id $id
                $current = @($described.VersionIdsToStages.PSObject.Properties | Where-Object { $_.Value -contains 'AWSCURRENT' })[0].Name
                $password = (Invoke-Aws secretsmanager get-random-password).RandomPassword
                $new = (Invoke-Aws secretsmanager put-secret-value --secret-id $id --secret-string $password --version-stages AWSPENDING).VersionId
                Invoke-Aws secretsmanager get-secret-value --secret-id $id --version-id $new | Out-Null
                Invoke-Aws secretsmanager update-secret-version-stage --secret-id $id --version-stage AWSCURRENT `
                    --move-to-version-id $new --remove-from-version-id $current | Out-Null
                Invoke-Aws secretsmanager update-secret-version-stage --secret-id $id --version-stage AWSPENDING `
                    --remove-from-version-id $new | Out-Null
                $watch.Elapsed.TotalSeconds
            }
        }
    } finally {
        Set-ProcessEnvironment -Values $previous | Out-Null
        Stop-SandboxProcess -Sandbox $sandbox
    }
}

function Format-Figure {
    param($Phase, [string] $Variant, [int] $ScaleTo = 0)
    $latencies = [double[]]@($Phase.Latencies)
    $wall = $Phase.WallSeconds
    $note = ''
    $writesPerRotation = if ($Phase.N -gt 0) { $Phase.Writes / $Phase.N } else { 0 }
    $n = $Phase.N
    if ($ScaleTo -gt 0) {
        $wall = $wall * $ScaleTo / $Phase.N
        $note = "measured N=$($Phase.N), wall scaled"
        $n = $ScaleTo
    }
    # The quota bound: the writes the rotations need, at 50/s, with nothing else slowing them.
    $bound = $writesPerRotation * $n / $writeQuota
    [pscustomobject]@{
        Variant          = $Variant
        N                = $n
        Mode             = $Phase.Mode
        'Wall s'         = [math]::Round($wall, 1)
        'Bound s'        = [math]::Round($bound, 1)
        'Rate % of bound' = [math]::Round(100 * $bound / $wall, 1)
        Failed           = $Phase.N - $latencies.Count
        Throttled        = $Phase.Throttled
        'Throttled %'    = if ($Phase.Calls -gt 0) { [math]::Round(100 * $Phase.Throttled / $Phase.Calls, 1) } else { 0 }
        'p50 s'          = [math]::Round((Get-Percentile $latencies 0.5), 2)
        'p95 s'          = [math]::Round((Get-Percentile $latencies 0.95), 2)
        'max s'          = [math]::Round(($latencies | Measure-Object -Maximum).Maximum, 2)
        Note             = $note
    }
}

if ($WorkerOutput) {
    Invoke-CmdletWorker
    return
}

$variants = [ordered]@{}
if ($BaselineModule) { $variants['before'] = $BaselineModule }
$variants['after'] = $Module
$pwsh = Get-PwshCommand
$figures = [System.Collections.Generic.List[object]]::new()
foreach ($variant in $variants.Keys) {
    $output = [System.IO.Path]::GetTempFileName()
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath,
        '-Module', $variants[$variant], '-ThrottleLimit', $ThrottleLimit, '-WorkerOutput', $output,
        '-Mode', ($Mode -join ','), '-Count', ($Count -join ','))
    & $pwsh[0] @arguments
    if ($LASTEXITCODE -ne 0) { throw "The $variant measurement failed (exit $LASTEXITCODE)." }
    foreach ($phase in @(Get-Content -Path $output -Raw | ConvertFrom-Json)) { $figures.Add((Format-Figure -Phase $phase -Variant $variant)) }
    Remove-Item $output
}
if ($CliCount -gt 0) {
    $cli = Invoke-CliLoop -N $CliCount
    foreach ($n in $Count) { $figures.Add((Format-Figure -Phase $cli -Variant 'AWS CLI v2' -ScaleTo $n)) }
}

"Fleet rotation against a Sandbox process with AWS's quotas (writes $writeQuota/s; a rotation makes 3 writes):"
'  Bound s: the rotations'' writes at the quota; Throttled: ThrottlingException answers in the Sandbox''s request log;'
'  p50/p95/max: one rotation''s duration, limiter waits and retries included; Failed: rotations that ended in an error.'
# Named: Format-Table shows only the first ten properties of an object otherwise.
$columns = 'Variant', 'N', 'Mode', 'Wall s', 'Bound s', 'Rate % of bound', 'Failed', 'Throttled', 'Throttled %', 'p50 s', 'p95 s', 'max s', 'Note'
$figures | Sort-Object N, Mode, Variant | Format-Table -Property $columns -AutoSize | Out-String -Width 300
