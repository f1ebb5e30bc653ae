#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Every runbook in examples/ run end to end against a Sandbox, as an operator would run it, with
    bakes shortened (the standalone Sandbox's clock is real time) and the error-rate gates told
    not to wait for traffic the Sandbox generates only per whole minute; the gates themselves are
    proven on a virtual clock by the engine scenarios. Results are read back from the Sandbox.
    rotate-on-schedule.ps1 runs as a scheduled task in Interruption.Tests.ps1.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot
    $examples = Join-Path $repositoryRoot 'examples'
    $short = @{ BakeTime = '00:00:02'; MinInvocations = 0 }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'examples/demo-rotation.ps1' {
    It 'runs all seven steps against the seeded demo and leaves the demo healthy' {
        $before = Get-SandboxStageVersion -Name demo/orders/db
        & (Join-Path $examples 'demo-rotation.ps1') 6>&1 | Out-String | Should -Match '7\. Start another canary'
        Get-SandboxStageVersion -Name demo/orders/db | Should -Not -Be $before
        Get-SandboxStageVersion -Name demo/orders/db -Stage AWSPENDING | Should -BeNullOrEmpty
        $alias = Get-SandboxAlias -FunctionName demo-orders-api
        @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0 -Because 'step 7 undoes its canary'
        (Invoke-SandboxControl -Path lambda | Where-Object name -EQ demo-orders-api).versions |
            Where-Object version -EQ $alias.functionVersion | ForEach-Object runtime | Should -Be 'python3.11'
    }
}

Describe 'examples/audit-rotation.ps1' {
    It 'names what is wrong with each secret and nothing for a healthy one' {
        New-SandboxSecret -Name ex/never-rotated -Value '{"password":"audit-initial-01"}' | Out-Null
        $rows = 'ex/never-rotated', 'demo/orders/db' | & (Join-Path $examples 'audit-rotation.ps1')
        @($rows | Where-Object Secret -EQ 'demo/orders/db') | Should -BeNullOrEmpty
        $checks = @($rows | Where-Object Secret -EQ 'ex/never-rotated' | ForEach-Object Check)
        $checks | Should -Contain 'RotationEnabled'
        $checks | Should -Contain 'RotationFunctionConfigured'
    }
}

Describe 'examples/rotate-api-key.ps1' {
    It 'stages the key, calls the health endpoint with it, then makes it current' {
        New-SandboxSecret -Name ex/api-key -Value '{"api_key":"old-key-0001","owner":"payments"}' | Out-Null
        $before = Get-SandboxStageVersion -Name ex/api-key
        $key = ConvertTo-SecureString 'new-key-0002' -AsPlainText -Force

        $result = & (Join-Path $examples 'rotate-api-key.ps1') -SecretId ex/api-key -HealthUrl "$env:AWS_ENDPOINT_URL/_sandbox/info" -NewKey $key

        $result.Passed | Should -BeTrue -Because ($result.FailedChecks -join ', ')
        Get-SandboxStageVersion -Name ex/api-key | Should -Be $result.VersionId
        Get-SandboxStageVersion -Name ex/api-key -Stage AWSPREVIOUS | Should -Be $before
    }

    It 'leaves the old key current when the health endpoint refuses the new one' {
        New-SandboxSecret -Name ex/api-key-bad -Value '{"api_key":"old-key-0003"}' | Out-Null
        $before = Get-SandboxStageVersion -Name ex/api-key-bad
        $key = ConvertTo-SecureString 'new-key-0004' -AsPlainText -Force

        # -ErrorVariable on a script sees only what the script itself writes; 2>&1 sees its commands' errors too.
        $written = & (Join-Path $examples 'rotate-api-key.ps1') -SecretId ex/api-key-bad -HealthUrl "$env:AWS_ENDPOINT_URL/_sandbox/no-such-page" -NewKey $key -ErrorAction Continue 2>&1

        $written | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object FullyQualifiedErrorId |
            Should -Contain 'RotationFailed,RotationOps.Commands.InvokeSecretRotationCommand'
        Get-SandboxStageVersion -Name ex/api-key-bad | Should -Be $before
    }
}

Describe 'examples/environment-change.ps1' {
    It 'canaries the merged environment and promotes it' {
        New-SandboxFunction -Name ex-env | Out-Null
        $result = & (Join-Path $examples 'environment-change.ps1') -FunctionName ex-env -Environment @{ API_ENDPOINT = 'https://api-v2.example.com' } @short
        $result.Status | Should -Be 'Promoted'
        (Get-SandboxAlias -FunctionName ex-env).functionVersion | Should -Be $result.CanaryVersion
    }
}

Describe 'examples/runtime-upgrade-fleet.ps1' {
    BeforeAll {
        'ex-fleet-a', 'ex-fleet-b' | ForEach-Object { New-SandboxFunction -Name $_ -Runtime python3.8 | Out-Null }
        New-SandboxFunction -Name ex-fleet-new -Runtime python3.12 | Out-Null
        # AWS.Tools' Get-LMFunctionList, answered from the Sandbox: FunctionConfiguration-shaped objects.
        function Get-LMFunctionList {
            param([string] $Region)
            Invoke-SandboxControl -Path lambda | Where-Object name -Like 'ex-fleet-*' | ForEach-Object {
                $latest = $_.versions | Where-Object version -EQ '$LATEST'
                [pscustomobject]@{ FunctionName = $_.name; FunctionArn = $_.arn; Runtime = $latest.runtime; Version = '$LATEST' }
            }
        }
    }

    It 'upgrades every function on the old runtime and leaves the others alone' {
        & (Join-Path $examples 'runtime-upgrade-fleet.ps1') -FromRuntime python3.8 -ToRuntime python3.11 @short | Out-Null

        foreach ($name in 'ex-fleet-a', 'ex-fleet-b') {
            $alias = Get-SandboxAlias -FunctionName $name
            $live = (Invoke-SandboxControl -Path lambda | Where-Object name -EQ $name).versions | Where-Object version -EQ $alias.functionVersion
            $live.runtime | Should -Be 'python3.11'
        }
        (Get-SandboxAlias -FunctionName ex-fleet-new).functionVersion | Should -Be '1'
    }
}

Describe 'examples/secret-canary.ps1' {
    It 'stages a password, canaries the consumer on it, then promotes both' {
        New-SandboxSecret -Name ex/canary-db -Value '{"username":"app","password":"canary-initial-01"}' | Out-Null
        New-SandboxFunction -Name ex-consumer | Out-Null
        $before = Get-SandboxStageVersion -Name ex/canary-db

        $checked = & (Join-Path $examples 'secret-canary.ps1') -SecretId ex/canary-db -FunctionName ex-consumer @short

        $current = Get-SandboxStageVersion -Name ex/canary-db
        $current | Should -Not -Be $before
        Get-SandboxStageVersion -Name ex/canary-db -Stage AWSPENDING | Should -BeNullOrEmpty
        $checked.VersionId | Should -Be $current
        $alias = Get-SandboxAlias -FunctionName ex-consumer
        $alias.functionVersion | Should -Not -Be '1'
    }
}

Describe 'examples/emergency-rollback.ps1' {
    It 'puts the alias back by function name, and a journaled deployment back by id' {
        New-SandboxFunction -Name ex-rollback | Out-Null
        Publish-LambdaCanary -FunctionName ex-rollback -AliasName LIVE -Description 'bad' -Weight 0.3 | Out-Null
        & (Join-Path $examples 'emergency-rollback.ps1') -FunctionName ex-rollback -Confirm:$false | Out-Null
        $alias = Get-SandboxAlias -FunctionName ex-rollback
        $alias.functionVersion | Should -Be '1'
        @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0

        $second = Publish-LambdaCanary -FunctionName ex-rollback -AliasName LIVE -Description 'bad again' -Weight 0.3
        & (Join-Path $examples 'emergency-rollback.ps1') -DeploymentId $second.DeploymentId -Confirm:$false | Out-Null
        @((Get-SandboxAlias -FunctionName ex-rollback).additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }
}
