#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The Gallery package: build.ps1 -Task Package makes it with Publish-PSResource; a user with an
    empty module path installs it with Install-PSResource from a local repository and runs a
    cmdlet from the installed copy against the Sandbox.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $pwsh = Get-PwshCommand

    $packaging = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $repositoryRoot 'build.ps1') -Task Package 2>&1 | Out-String
    $packagingExit = $LASTEXITCODE
    $packages = Join-Path $repositoryRoot 'out/packages'
    $package = Get-ChildItem -Path $packages -Filter 'RotationOps.*.nupkg' -ErrorAction SilentlyContinue | Select-Object -First 1
    $manifest = Import-PowerShellDataFile (Join-Path $repositoryRoot 'RotationOps.psd1')

    # A user with nothing installed: a HOME of its own, so the CurrentUser module path and
    # PSResourceGet's repository list start empty and the build's out/ folder is nowhere on it.
    $userHome = Join-Path $session.JournalHome 'fresh-user'
    New-Item -ItemType Directory -Path $userHome | Out-Null
    New-SandboxSecret -Name pkg/db -Value '{"username":"app","password":"Initial-Pa55word-9001"}' | Out-Null
    $script = Join-Path $session.JournalHome 'install.ps1'
    Set-Content -Path $script -Value @"
`$ErrorActionPreference = 'Stop'
`$before = @(Get-Module -ListAvailable RotationOps).Count
Register-PSResourceRepository -Name local -Uri '$packages' -Trusted
Install-PSResource -Name RotationOps -Repository local -Scope CurrentUser -TrustRepository -Quiet
`$installed = Get-Module -ListAvailable RotationOps
`$rotation = Invoke-SecretRotation -SecretId pkg/db -GeneratePassword -JsonKey password -Confirm:`$false
[pscustomobject]@{
    Before = `$before
    Version = "`$(`$installed.Version)"
    ModuleBase = `$installed.ModuleBase
    Status = "`$(`$rotation.Status)"
    LoadedFrom = (Get-Module RotationOps).ModuleBase
} | ConvertTo-Json -Compress
"@
    $previousHome = $env:HOME
    $previousModulePath = $env:PSModulePath
    try {
        $env:HOME = $userHome
        $env:PSModulePath = $null
        $installOutput = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script 2>&1 | Out-String
        $installExit = $LASTEXITCODE
    } finally {
        $env:HOME = $previousHome
        $env:PSModulePath = $previousModulePath
    }
    $installed = $installOutput -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1 | ConvertFrom-Json
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'build.ps1 -Task Package' {
    It 'makes RotationOps.<version>.nupkg with the module, its help and its Dependencies folder' {
        $packagingExit | Should -Be 0 -Because $packaging
        $package.Name | Should -Be "RotationOps.$($manifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package.FullName)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        foreach ($file in 'RotationOps.psd1', 'RotationOps.dll', 'RotationOps.Contracts.dll', 'RotationOps.format.ps1xml',
            'en-US/RotationOps.dll-Help.xml', 'en-US/about_RotationOps.help.txt', 'Dependencies/RotationOps.Engine.dll', 'Dependencies/AWSSDK.Core.dll') {
            $entries | Should -Contain $file
        }
    }

    It 'carries what the Gallery shows: editions, PowerShell version, exports, project, licence, release notes and tags' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CmdletsToExport | Should -Be @('Invoke-SecretRotation', 'Test-RotatedSecret', 'Publish-LambdaCanary', 'Set-AliasWeight', 'Undo-Deployment')
        $manifest.FunctionsToExport.Count + $manifest.AliasesToExport.Count + $manifest.VariablesToExport.Count | Should -Be 0
        $manifest.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $manifest.PrivateData.PSData.LicenseUri | Should -Match '^https://.+/LICENSE$'
        $manifest.PrivateData.PSData.ReleaseNotes | Should -BeLike "$($manifest.ModuleVersion):*"
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
        # One version: the manifest's, stamped on the assemblies by the build.
        [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $repositoryRoot 'out/RotationOps/RotationOps.dll')).Version |
            Should -Be ([version]"$($manifest.ModuleVersion).0")
    }
}

Describe 'Install-PSResource from a local repository' {
    It 'installs into an empty module path, and the installed module rotates a secret' {
        $installExit | Should -Be 0 -Because $installOutput
        $installed.Before | Should -Be 0 -Because 'the user had no RotationOps before'
        $installed.Version | Should -Be $manifest.ModuleVersion
        $installed.ModuleBase | Should -BeLike "$userHome*"
        $installed.LoadedFrom | Should -Be $installed.ModuleBase -Because 'the cmdlet autoloaded the installed copy'
        $installed.Status | Should -Be 'Completed'
    }
}
