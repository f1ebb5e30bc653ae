#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    RotationOps beside AWS.Tools: another AWSSDK.Core (3.7.402, what AWS.Tools 4.x ships, or a 4.x
    other than the engine's) loaded before the module and after it. In each order, in a PowerShell
    process of its own: a rotation and a canary against the Sandbox, then the other SDK still in
    use. And a fresh `pwsh -NoProfile` that imports only RotationOps. PowerShell 7 only: Windows
    PowerShell 5.1 has no load contexts (see the README).
#>

BeforeDiscovery {
    # AWSSDK.Core's assembly version is 3.3.0.0 for every 3.x package and 4.0.0.0 for every 4.x one.
    $number = 0
    $cases = foreach ($sdk in @(@{ Version = '3.7.402'; AssemblyVersion = '3.3.0.0' }, @{ Version = '4.1.0'; AssemblyVersion = '4.0.0.0' })) {
        foreach ($order in 'ForeignFirst', 'ModuleFirst') { @{ Version = $sdk.Version; AssemblyVersion = $sdk.AssemblyVersion; Order = $order; Number = ++$number } }
    }
}

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty

    & dotnet restore (Join-Path $repositoryRoot 'tools/ForeignAwsSdk/ForeignAwsSdk.csproj') --nologo -v quiet | Out-Null
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) { $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }

    function Invoke-IsolatedSession {
        # A PowerShell process of its own (nothing loaded by this one), reporting what it saw as JSON.
        param([string] $ForeignSdk, [string] $Order, [int] $Number)
        $secret = "iso/db-$Number-x"
        $function = "iso-api-$Number-x"
        New-SandboxSecret -Name $secret -Value '{"username":"app","password":"Initial-Pa55word-9001"}' | Out-Null
        New-SandboxFunction -Name $function | Out-Null
        $script = Join-Path $session.JournalHome "isolation-$Number.ps1"
        Set-Content -Path $script -Value @"
`$ErrorActionPreference = 'Stop'
`$seen = [ordered]@{}
function Use-ForeignSdk { if ('$ForeignSdk') { Add-Type -Path '$ForeignSdk' } }
if ('$Order' -eq 'ForeignFirst') { Use-ForeignSdk }
Import-Module '$($session.Module)'
`$seen.Rotation = "`$((Invoke-SecretRotation -SecretId '$secret' -GeneratePassword -JsonKey password -Confirm:`$false).Status)"
`$seen.Canary = "`$((Publish-LambdaCanary -FunctionName '$function' -AliasName LIVE -Environment @{ FLAG = 'on' } -Weight 0.1).Status)"
if ('$Order' -eq 'ModuleFirst') { Use-ForeignSdk }
`$seen.SecondRotation = "`$((Invoke-SecretRotation -SecretId '$secret' -GeneratePassword -JsonKey password -Confirm:`$false).Status)"
if ('$ForeignSdk') {
    `$seen.ForeignVersion = [Amazon.Runtime.BasicAWSCredentials].Assembly.GetName().Version.ToString()
    `$seen.ForeignLocation = [Amazon.Runtime.BasicAWSCredentials].Assembly.Location
    `$seen.ForeignKey = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDFOREIGN', 'not-a-secret').GetCredentials().AccessKey
}
`$seen.Contexts = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'AWSSDK.Core', 'RotationOps.Engine', 'Polly.Core', 'RotationOps', 'RotationOps.Contracts' } |
    ForEach-Object { "`$(`$_.GetName().Name) `$(`$_.GetName().Version) in `$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name)" } | Sort-Object)
`$seen | ConvertTo-Json -Compress
"@
        $pwsh = Get-PwshCommand
        $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output; Seen = ($output -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1 | ConvertFrom-Json) }
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Beside another AWSSDK.Core' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    It 'AWSSDK.Core <Version> loaded <Order>: the module rotates and canaries, and the other SDK still works' -ForEach $cases {
        $dll = Join-Path $packages "awssdk.core/$Version/lib/net8.0/AWSSDK.Core.dll"
        $run = Invoke-IsolatedSession -ForeignSdk $dll -Order $Order -Number $Number

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Seen.Rotation | Should -Be 'Completed'
        $run.Seen.Canary | Should -Be 'Canary'
        $run.Seen.SecondRotation | Should -Be 'Completed'
        $run.Seen.ForeignLocation | Should -Be $dll -Because 'PowerShell resolves AWS.Tools-style type names to the other SDK'
        $run.Seen.ForeignVersion | Should -Be $AssemblyVersion
        $run.Seen.ForeignKey | Should -Be 'AKIDFOREIGN'
        # Two AWSSDK.Core side by side: the other one in PowerShell's context, the engine's in the module's.
        $run.Seen.Contexts | Should -Contain "AWSSDK.Core $AssemblyVersion in Default"
        @($run.Seen.Contexts | Where-Object { $_ -like 'AWSSDK.Core 4.0.0.0 in RotationOps' }).Count | Should -Be 1
        $run.Seen.Contexts | Should -Contain 'RotationOps.Engine 0.1.0.0 in RotationOps'
        $run.Seen.Contexts | Should -Contain 'RotationOps.Contracts 0.1.0.0 in Default'
    }

    It 'a fresh pwsh -NoProfile that imports only RotationOps keeps the AWS SDK and Polly out of PowerShell''s context' {
        $run = Invoke-IsolatedSession -ForeignSdk '' -Order 'None' -Number 99

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Seen.Rotation | Should -Be 'Completed'
        $run.Seen.Canary | Should -Be 'Canary'
        $run.Seen.Contexts | Should -Contain 'AWSSDK.Core 4.0.0.0 in RotationOps'
        $run.Seen.Contexts | Should -Contain 'Polly.Core 8.0.0.0 in RotationOps'
        @($run.Seen.Contexts | Where-Object { $_ -like 'AWSSDK.Core * in Default' -or $_ -like 'Polly.Core * in Default' }) | Should -BeNullOrEmpty
    }

    It 'a dependency that cannot load ends the command as DependencyLoadFailed, naming the assembly and what to do' {
        # A damaged install: the module copied without the engine's AWS SDK.
        $copy = Join-Path $session.JournalHome 'damaged/RotationOps'
        Copy-Item -Recurse -Path (Split-Path $session.Module) -Destination $copy
        Remove-Item -Path (Join-Path $copy 'Dependencies/AWSSDK.Core.dll')
        $script = Join-Path $session.JournalHome 'damaged.ps1'
        Set-Content -Path $script -Value @"
Import-Module '$copy/RotationOps.psd1'
try { Invoke-SecretRotation -SecretId iso/none -GeneratePassword -JsonKey password -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.CategoryInfo.Category; `$_.Exception.Message }
"@
        $pwsh = Get-PwshCommand
        $lines = @(& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script 2>&1 | ForEach-Object { "$_" })

        $lines[0] | Should -Be 'DependencyLoadFailed,RotationOps.Commands.InvokeSecretRotationCommand'
        $lines[1] | Should -Be 'ResourceUnavailable'
        $message = $lines[2..($lines.Count - 1)] -join ' '
        $message | Should -BeLike 'RotationOps could not load AWSSDK.Core:*'
        $message | Should -BeLike '*Install-PSResource RotationOps -Reinstall*'
    }
}
