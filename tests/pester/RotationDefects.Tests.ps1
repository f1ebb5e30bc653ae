#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Regression scenarios for Invoke-SecretRotation defects, run where users meet them: the built
    module in a real pwsh against a standalone Sandbox (its clock follows real time). Every
    assertion about AWS reads the Sandbox's state independently (/_sandbox/state: versions and
    labels, never values). Each test rotates a secret of its own; the journal lives in a temp folder.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty

    function New-TestSecret {
        # Seeded through the Sandbox's control surface, so the secret does not depend on the module under test.
        param([string] $Prefix)
        $name = "defects/$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        New-SandboxSecret -Name $name -Value '{"username":"app_user","password":"Initial-Pa55word-9001","port":5432}' | Out-Null
        $name
    }

    function Register-RotationFunction {
        param([string] $Prefix, [string] $FailAtStep, [int] $StepLatencySeconds = 1)
        $body = @{
            name                       = "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
            strategy                   = 'RotateJsonKey'
            jsonKey                    = 'password'
            stepLatencySeconds         = $StepLatencySeconds
            keepCurrentCredentialValid = $true
        }
        if ($FailAtStep) { $body.failAtStep = $FailAtStep }
        (Invoke-SandboxControl -Path rotation-functions -Method POST -Body $body).arn
    }

    function Invoke-Caught {
        # The error record a command fails with (-ErrorAction Stop turns a non-terminating one into it).
        param([scriptblock] $Command)
        try { & $Command; $null } catch { $_ }
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'A version a failed rotation function left (failAtStep setSecret)' {
    BeforeAll {
        $secret = New-TestSecret -Prefix 'failed-set'
        $function = Register-RotationFunction -Prefix 'fails-at-set' -FailAtStep 'setSecret'
        $original = Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT'
        $failure = Invoke-Caught { Invoke-SecretRotation -SecretId $secret -RotationLambdaArn $function -Timeout 00:00:08 -ErrorAction Stop }
        $halfMade = Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING'
    }

    It 'fails the rotation with advice that never says to complete the half-made version' {
        $failure.FullyQualifiedErrorId | Should -BeLike 'RotationFailed,*'
        $failure.TargetObject.VersionId | Should -Be $halfMade
        $failure.Exception.Message | Should -Not -Match '-Complete'
        $failure.Exception.Message | Should -Match "-Force, which takes AWSPENDING off version $halfMade"
        Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT' | Should -Be $original
    }

    It 'refuses the next rotation with RotationInProgress advising to fix the function and use -Force' {
        $refused = Invoke-Caught { Invoke-SecretRotation -SecretId $secret -ErrorAction Stop }

        $refused.FullyQualifiedErrorId | Should -BeLike 'RotationInProgress,*'
        $refused.Exception.Message | Should -Not -Match '-Complete'
        $refused.Exception.Message | Should -Match 'Fix the function'
        $refused.Exception.Message | Should -Match "Invoke-SecretRotation -SecretId $([regex]::Escape($secret)) -Force"
    }

    It 'refuses -Complete with VersionNotStaged and leaves AWSCURRENT on the old version' {
        $refused = Invoke-Caught { Invoke-SecretRotation -SecretId $secret -VersionId $halfMade -Complete -ErrorAction Stop }

        $refused.FullyQualifiedErrorId | Should -BeLike 'VersionNotStaged,*'
        $refused.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $refused.Exception.Message | Should -Not -Match '-Complete'
        Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT' | Should -Be $original
        Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING' | Should -Be $halfMade
    }

    It 'is cleared by -Force with a fixed function, keeping the half-made version' {
        $fixed = Register-RotationFunction -Prefix 'fixed'

        $rotation = Invoke-SecretRotation -SecretId $secret -RotationLambdaArn $fixed -Force -Timeout 00:01:00

        $rotation.Status | Should -Be 'Completed'
        Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT' | Should -Be $rotation.VersionId
        Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING' | Should -BeNullOrEmpty
        (Get-SandboxSecret -Name $secret).versions.versionId | Should -Contain $halfMade
    }
}

Describe 'Re-running a service rotation stopped by Ctrl+C' {
    It 'waits for the rotation in flight and reports the same version, making no second one' {
        $secret = New-TestSecret -Prefix 'ctrl-c'
        $function = Register-RotationFunction -Prefix 'slow' -StepLatencySeconds 3
        $original = Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT'
        $first = [powershell]::Create()
        try {
            $null = $first.AddScript({
                    param($Manifest, $SecretId, $Function)
                    Import-Module $Manifest
                    Invoke-SecretRotation -SecretId $SecretId -RotationLambdaArn $Function -Timeout 00:02:00
                }).AddArgument($session.Module).AddArgument($secret).AddArgument($function)
            $running = $first.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while (-not (Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING') -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            Start-Sleep -Seconds 1   # inside the wait loop, before the 4 x 3 s of steps are done
            $first.Stop()
            $first.InvocationStateInfo.State | Should -Be 'Stopped'
            $running.IsCompleted | Should -BeTrue
        } finally {
            $first.Dispose()
        }
        $inFlight = Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING'
        $inFlight | Should -Not -BeNullOrEmpty
        Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT' | Should -Be $original

        $resumed = Invoke-SecretRotation -SecretId $secret -RotationLambdaArn $function -Timeout 00:02:00 -WarningVariable warnings -WarningAction SilentlyContinue

        $resumed.Status | Should -Be 'Completed'
        $resumed.VersionId | Should -Be $inFlight
        $resumed.PreviousVersionId | Should -Be $original
        ($warnings -join "`n") | Should -Match 'Resuming rotation'
        $state = Get-SandboxSecret -Name $secret
        @($state.versions).Count | Should -Be 2
        Get-SandboxStageVersion -Name $secret -Stage 'AWSCURRENT' | Should -Be $inFlight
        Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING' | Should -BeNullOrEmpty
    }
}

Describe '-NewValue that cannot be a secret value' {
    It 'refuses <Case> before any AWS change, naming -NewValue' -ForEach @(
        @{ Case = 'a nested hashtable'; Value = @{ password = @{ x = 1 } }; JsonKey = $null }
        @{ Case = 'an empty SecureString'; Value = [securestring]::new(); JsonKey = $null }
        @{ Case = 'an empty SecureString for one key'; Value = [securestring]::new(); JsonKey = 'password' }
        @{ Case = 'an empty key'; Value = @{ password = '' }; JsonKey = $null }
        @{ Case = 'an array'; Value = @{ password = @('a', 'b') }; JsonKey = $null }
        @{ Case = 'a PSCustomObject'; Value = @{ password = [pscustomobject]@{ x = 1 } }; JsonKey = $null }
        @{ Case = 'a script block'; Value = @{ password = { 'x' } }; JsonKey = $null }
        @{ Case = 'a plain string'; Value = 'Plain-Pa55word-9002'; JsonKey = $null }
    ) {
        $secret = New-TestSecret -Prefix 'bad-value'
        $before = @((Get-SandboxSecret -Name $secret).versions).Count
        $parameters = @{ SecretId = $secret; NewValue = $Value }
        if ($JsonKey) { $parameters.JsonKey = $JsonKey }

        $refused = Invoke-Caught { Invoke-SecretRotation @parameters -ErrorAction Stop }

        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $refused.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused.Exception.Message | Should -Match '^-NewValue: '
        $refused.Exception.Message | Should -Not -Match 'Pa55word'
        @((Get-SandboxSecret -Name $secret).versions).Count | Should -Be $before
        Get-SandboxStageVersion -Name $secret -Stage 'AWSPENDING' | Should -BeNullOrEmpty
    }
}
