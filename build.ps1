#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests or demonstrates RotationOps on Windows PowerShell 5.1 or PowerShell 7.
.DESCRIPTION
    Build  dotnet build -c Release: compiles and lays out the importable module in out/RotationOps/.
    Test   Build, then what tests/run.sh runs (xunit projects, the PowerShell parse check and its
           self-tests), then the Pester scenarios in tests/pester when Pester 5 is installed.
    Demo   Build, start the Sandbox (a local AWS twin) on a free port, import out/RotationOps and
           run examples/demo-rotation.ps1 against it, then stop the Sandbox.
.EXAMPLE
    ./build.ps1 -Task Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'RotationOps.sln'
$parseCheck = Join-Path $root 'tests/parse'

function Invoke-Native {
    # Native commands do not throw on failure, so this returns whether the exit code was 0; their
    # output goes to the host so that it is not mistaken for the result.
    param([Parameter(Mandatory)] [string] $Command, [string[]] $Arguments = @())
    Write-Host "> $Command $($Arguments -join ' ')" -ForegroundColor DarkGray
    & $Command @Arguments | Out-Host
    $LASTEXITCODE -eq 0
}

function Invoke-BuildTask {
    if (-not (Invoke-Native dotnet @('build', $solution, '-c', $Configuration, '--nologo'))) {
        throw 'dotnet build failed.'
    }
}

function Invoke-TestTask {
    Invoke-BuildTask
    $failed = [System.Collections.Generic.List[string]]::new()
    if (-not (Test-Path (Join-Path $parseCheck 'node_modules'))) {
        Push-Location $parseCheck
        try { if (-not (Invoke-Native npm @('ci', '--no-audit', '--no-fund'))) { throw 'npm ci in tests/parse failed.' } }
        finally { Pop-Location }
    }
    if (-not (Invoke-Native dotnet @('test', $solution, '-c', $Configuration, '--no-build', '--nologo'))) { $failed.Add('dotnet test') }
    if (-not (Invoke-Native node @('--test', (Join-Path $parseCheck 'test/')))) { $failed.Add('parse check self-tests') }
    if (-not (Invoke-Native node @((Join-Path $parseCheck 'check.mjs'), $root))) { $failed.Add('parse check') }

    if (Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 }) {
        Import-Module Pester -MinimumVersion 5.0
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = Join-Path $root 'tests/pester'
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $configuration
        if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed') { $failed.Add('Pester') }
    } else {
        Write-Warning 'Pester 5 is not installed, so tests/pester was skipped (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).'
    }

    if ($failed.Count -gt 0) { throw "Failed: $($failed -join ', ')." }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    . (Join-Path $root 'tests/pester/SandboxProcess.ps1')
    $sandbox = Start-SandboxProcess -RepositoryRoot $root -Configuration $Configuration -ExtraArgument '--seed-demo'
    $previous = Set-ProcessEnvironment -Values $sandbox.Settings
    try {
        Write-Host "Sandbox at $($sandbox.Settings['AWS_ENDPOINT_URL'])" -ForegroundColor Green
        Import-Module (Join-Path $root 'out/RotationOps/RotationOps.psd1') -Force
        & (Join-Path $root 'examples/demo-rotation.ps1')
    } finally {
        Set-ProcessEnvironment -Values $previous | Out-Null
        Stop-SandboxProcess -Sandbox $sandbox
    }
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
    }
}
