#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests or demonstrates RotationOps on Windows PowerShell 5.1 or PowerShell 7.
.DESCRIPTION
    Build  dotnet build: compiles and lays out the importable module in out/RotationOps/.
    Test   Build, then every xunit project and every Pester file in tests/pester (the module
           driven for real against a Sandbox process). Pester is the installed Pester 5+ when
           there is one, else the pinned Pester package restored from NuGet (tools/Pester); no
           Pester is a failure, never a skip. Prints a table per suite and ends with one line
           "N passed, N failed, N skipped"; exits 1 if anything failed or nothing ran.
    Demo   Build, start the Sandbox (a local AWS twin) on a free port, import out/RotationOps and
           run examples/demo-rotation.ps1 against it, then stop the Sandbox.
    Package
           Build, then make the PowerShell Gallery package out/packages/RotationOps.<version>.nupkg
           with PSResourceGet's Publish-PSResource to a file repository (no network): the same
           package Publish-PSResource -Repository PSGallery would upload. Needs PSResourceGet
           (part of PowerShell 7.4+; Install-Module Microsoft.PowerShell.PSResourceGet on 5.1).

    On a machine with only the .NET SDK: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Test -PesterPath tests/pester/Cancellation.Tests.ps1 -SkipXunit
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test: only these Pester files or folders (default: tests/pester).
    [string[]] $PesterPath,

    # Test: run the Pester files only (for a quick loop on the cmdlets).
    [switch] $SkipXunit
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'RotationOps.sln'
$pesterVersion = '5.7.1'   # the version tools/Pester/Pester.csproj restores

function Invoke-Native {
    # Native commands do not throw on failure, so this returns whether the exit code was 0; their
    # output goes to the host so that it is not mistaken for the result.
    param([Parameter(Mandatory)] [string] $Command, [string[]] $Arguments = @())
    Write-Host "> $Command $($Arguments -join ' ')" -ForegroundColor DarkGray
    & $Command @Arguments | Out-Host
    $LASTEXITCODE -eq 0
}

function Invoke-BuildTask {
    if (-not (Invoke-Native dotnet @('build', $solution, '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'))) {
        throw 'dotnet build failed.'
    }
}

function New-SuiteResult([string] $Name, [int] $Passed, [int] $Failed, [int] $Skipped, [string[]] $FailedTests) {
    [pscustomobject]@{ Suite = $Name; Passed = $Passed; Failed = $Failed; Skipped = $Skipped; FailedTests = @($FailedTests) }
}

function Invoke-XunitProject([string] $Project, [string] $ResultsDirectory) {
    # One run per project, so each .trx is named after it; <Counters> holds the totals.
    $name = [System.IO.Path]::GetFileNameWithoutExtension($Project)
    $trx = Join-Path $ResultsDirectory "$name.trx"
    $ran = Invoke-Native dotnet @('test', $Project, '-c', $Configuration, '--no-build', '--nologo',
        '--logger', "trx;LogFileName=$name.trx", '--results-directory', $ResultsDirectory,
        '--blame-hang-timeout', '10m', '--blame-hang-dump-type', 'none')
    if (-not (Test-Path $trx)) { return New-SuiteResult $name 0 1 0 @("${name}: no results (build or host failure)") }
    [xml] $results = Get-Content -Path $trx -Raw
    $counters = $results.TestRun.ResultSummary.Counters
    $failedTests = @($results.TestRun.Results.UnitTestResult | Where-Object { $_.outcome -eq 'Failed' } | ForEach-Object testName)
    $failed = [int] $counters.failed
    if (-not $ran -and $failed -eq 0) {
        # A crashed or hung test host can leave no failed result behind: still a failure.
        $failed = 1; $failedTests += "${name}: dotnet test failed without a failed test (crash or hang?)"
    }
    New-SuiteResult $name ([int] $counters.passed) $failed ([int] $counters.notExecuted) $failedTests
}

function Import-PesterModule {
    # An installed Pester 5+ wins; else the pinned package from NuGet, so no PowerShell Gallery is needed.
    $installed = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 } |
        Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { Import-Module $installed.Path -Force; return }
    if (-not (Invoke-Native dotnet @('restore', (Join-Path $root 'tools/Pester/Pester.csproj'), '--nologo', '-v', 'quiet'))) {
        throw "Pester $pesterVersion could not be restored from NuGet (tools/Pester/Pester.csproj); tests cannot run without it."
    }
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    }
    $manifest = Join-Path $packages.Trim() "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester was restored, but $manifest is missing." }
    Import-Module $manifest -Force
}

function Invoke-PesterSuite {
    # The scenarios run as users run them, not under this script's strict mode.
    Set-StrictMode -Off
    Import-PesterModule
    $configuration = New-PesterConfiguration
    # pwsh -File hands "a,b" over as one string, so lists are split here.
    $configuration.Run.Path = if ($PesterPath) { @($PesterPath -split ',') } else { Join-Path $root 'tests/pester' }
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    $failedTests = @($result.Failed | ForEach-Object { $_.ExpandedPath })
    $failedContainers = @($result.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.FailedCount -eq 0 })
    $failedTests += @($failedContainers | ForEach-Object { "container failed: $($_.Item)" })
    New-SuiteResult 'Pester' $result.PassedCount ($result.FailedCount + $failedContainers.Count) ($result.SkippedCount + $result.NotRunCount) $failedTests
}

function Invoke-TestTask {
    Invoke-BuildTask
    $resultsDirectory = Join-Path $root 'out/test-results'
    Remove-Item -Recurse -Force $resultsDirectory -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Path $resultsDirectory | Out-Null
    $suites = [System.Collections.Generic.List[object]]::new()
    if (-not $SkipXunit) {
        $projects = Get-ChildItem -Path (Join-Path $root 'tests') -Filter '*.Tests.csproj' -Recurse |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } | Sort-Object Name
        foreach ($project in $projects) {
            Write-Host "== dotnet test $($project.BaseName)" -ForegroundColor Cyan
            $suites.Add((Invoke-XunitProject $project.FullName $resultsDirectory))
        }
    }
    Write-Host '== Pester' -ForegroundColor Cyan
    try { $suites.Add((Invoke-PesterSuite)) }
    catch { $suites.Add((New-SuiteResult 'Pester' 0 1 0 @("Pester did not run: $_"))) }

    $suites | Format-Table Suite, Passed, Failed, Skipped -AutoSize | Out-Host
    $failedTests = @($suites | ForEach-Object { $_.FailedTests } | Where-Object { $_ })
    if ($failedTests.Count -gt 0) { Write-Host "Failed:`n  $($failedTests -join "`n  ")" -ForegroundColor Red }
    $passed = ($suites | Measure-Object -Property Passed -Sum).Sum
    $failed = ($suites | Measure-Object -Property Failed -Sum).Sum
    $skipped = ($suites | Measure-Object -Property Skipped -Sum).Sum
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
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

function Invoke-PackageTask {
    Invoke-BuildTask
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    $packages = Join-Path $root 'out/packages'
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    Get-ChildItem -Path $packages -Filter 'RotationOps.*.nupkg' | Remove-Item
    # A repository of this run's own, removed afterwards, so the user's repositories are untouched.
    $repository = "RotationOps-build-$PID"
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path (Join-Path $root 'out/RotationOps') -Repository $repository
    } finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $package = Get-ChildItem -Path $packages -Filter 'RotationOps.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Publish-PSResource made no package in $packages." }
    Write-Host "Package: $($package.FullName)" -ForegroundColor Green
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
    }
}
