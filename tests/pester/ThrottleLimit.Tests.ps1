#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    -ThrottleLimit as a user sees it: how many piped items are worked on at once, read from the
    times on the output objects (when each bake and each rotation ran), and a bad value refused
    by parameter binding before anything starts.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $fast = @{ BakeTime = '00:00:02'; PollInterval = '00:00:01' }

    function New-CanaryFleet([string] $Prefix) {
        # Three functions with a canary at 10 %, ready for Set-AliasWeight.
        $names = 1..3 | ForEach-Object { "$Prefix-$_" }
        $names | ForEach-Object { New-SandboxFunction -Name $_ | Out-Null }
        $names | Publish-LambdaCanary -AliasName LIVE -Description $Prefix -Weight 0.1
    }

    function Get-BakeWindow($Deployment) {
        # The step Set-AliasWeight -Weight baked: from the alias move to the end of the bake.
        $step = $Deployment.Steps | Select-Object -Last 1
        [pscustomobject]@{ Function = $Deployment.FunctionName; StartedAt = $step.StartedAt; EndedAt = $step.EndedAt }
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Set-AliasWeight -ThrottleLimit' {
    It 'with 1, the bakes of a fleet run one after another' {
        $fleet = New-CanaryFleet 'throttle-one'

        $moved = $fleet | Set-AliasWeight -Weight 0.2 -ThrottleLimit 1 @fast

        @($moved).Count | Should -Be 3
        $windows = @($moved | ForEach-Object { Get-BakeWindow $_ } | Sort-Object StartedAt)
        for ($i = 1; $i -lt $windows.Count; $i++) {
            $windows[$i].StartedAt | Should -BeGreaterOrEqual $windows[$i - 1].EndedAt -Because "$($windows[$i].Function) must wait for $($windows[$i - 1].Function)"
        }
        foreach ($deployment in $moved) {
            (Get-SandboxAlias -FunctionName $deployment.FunctionName).additionalVersionWeights.($deployment.CanaryVersion) | Should -Be 0.2
        }
    }

    It 'with 3, the same fleet bakes all at once' {
        $fleet = New-CanaryFleet 'throttle-three'

        $moved = $fleet | Set-AliasWeight -Weight 0.2 -ThrottleLimit 3 @fast

        @($moved).Count | Should -Be 3
        $windows = @($moved | ForEach-Object { Get-BakeWindow $_ })
        $lastStart = ($windows.StartedAt | Measure-Object -Maximum).Maximum
        $firstEnd = ($windows.EndedAt | Measure-Object -Minimum).Minimum
        $lastStart | Should -BeLessThan $firstEnd -Because 'every bake was under way before the first one ended'
    }
}

Describe 'Invoke-SecretRotation -ThrottleLimit' {
    It 'with 1, piped secrets rotate one after another' {
        $rotationArn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = 'throttle-rotation' }).arn
        $secrets = 1..3 | ForEach-Object { "throttle/secret-$_" }
        $secrets | ForEach-Object { New-SandboxSecret -Name $_ -Value '{"username":"app","password":"initial-Pw-0001"}' | Out-Null }

        $rotations = @($secrets | Invoke-SecretRotation -RotationLambdaArn $rotationArn -ThrottleLimit 1 | Sort-Object StartedAt)

        $rotations.Count | Should -Be 3
        for ($i = 1; $i -lt $rotations.Count; $i++) {
            $rotations[$i].StartedAt | Should -BeGreaterOrEqual $rotations[$i - 1].FinishedAt -Because "$($rotations[$i].Name) must wait for $($rotations[$i - 1].Name)"
        }
    }
}

Describe 'A -ThrottleLimit below 1 is refused before anything starts' {
    It '<Command> -ThrottleLimit 0 names the parameter' -ForEach @(
        @{ Command = 'Invoke-SecretRotation'; Arguments = @{ SecretId = 'throttle/never' } }
        @{ Command = 'Publish-LambdaCanary'; Arguments = @{ FunctionName = 'throttle-never'; AliasName = 'LIVE'; Weight = 0.1 } }
        @{ Command = 'Set-AliasWeight'; Arguments = @{ FunctionName = 'throttle-never'; AliasName = 'LIVE'; Weight = 0.1 } }
    ) {
        $refused = { & $Command @Arguments -ThrottleLimit 0 } | Should -Throw -PassThru

        $refused.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $refused.Exception.Message | Should -BeLike "*'ThrottleLimit'*"
    }
}
