#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Set-AliasWeight -Verdict Sequential through the real module in a real pwsh, against a standalone
    Sandbox whose clock is real time and whose traffic comes in whole minutes: a regressed canary is
    rolled back as soon as its first minute of traffic is in, long before its bake ends, and the
    verdict's evidence reaches the user as a typed object that the format file displays. The
    decision rules themselves are proven on exact counts by the engine tests, and on the virtual
    clock by the scenarios. AWS state is read back from the Sandbox, not from cmdlet output.
    Expects `dotnet build` to have laid out out/RotationOps/.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Set-AliasWeight -Verdict Sequential' {
    It 'rolls back a canary failing 20 % against 1 % on stable within the first minute of traffic of a 5-minute bake' {
        New-SandboxFunction -Name verdict-api | Out-Null
        Invoke-SandboxControl -Path lambda/behaviors -Method POST -Body @{ functionName = 'verdict-api'; version = '1'; errorRate = 0.01 } | Out-Null
        Invoke-SandboxControl -Path lambda/behaviors -Method POST -Body @{ functionName = 'verdict-api'; errorRate = 0.2 } | Out-Null
        $deployment = Publish-LambdaCanary -FunctionName verdict-api -AliasName LIVE -Runtime python3.11 -Weight 0.1
        $traffic = Invoke-SandboxControl -Path traffic -Method POST -Body @{ functionName = 'verdict-api'; alias = 'LIVE'; invocationsPerMinute = 2000 }

        try {
            $deployment | Set-AliasWeight -Steps 0.5, 1 -BakeTime 00:05:00 -PollInterval 00:00:05 -Verdict Sequential -ErrorAction SilentlyContinue -ErrorVariable failures
        }
        finally {
            Invoke-SandboxControl -Path "traffic/$($traffic.id)" -Method DELETE | Out-Null
        }

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CanaryRolledBack,*'
        $failures[0].Exception.Message | Should -BeLike '*SequentialVerdict: RollBack: canary *the canary fails more often than stable*'
        $step = $failures[0].TargetObject.Steps[-1]
        "$($step.Outcome)" | Should -Be 'Failed'
        $step.EndedAt - $step.StartedAt | Should -BeLessThan ([timespan]'00:05:00') -Because 'the verdict does not wait for the bake to end'
        $verdict = ($step.Gates | Where-Object Gate -EQ 'SequentialVerdict').Verdict
        $verdict | Should -BeOfType ([RotationOps.VerdictEvidence])
        "$($verdict.Decision)" | Should -Be 'RollBack'
        $verdict.LogLikelihoodRatio | Should -BeGreaterOrEqual $verdict.RollBackBoundary
        $verdict.CanaryErrorRate | Should -BeGreaterThan 0.15
        $verdict.FalseRollbackRate | Should -Be 0.01
        $shown = $verdict | Out-String
        $shown | Should -Match 'Decision\s+: RollBack'
        $shown | Should -Match 'Canary\s+: 20\.\d\d ?% \(\d+/\d+\)'
        $shown | Should -Match 'RollBackBoundary\s+: 4\.61'
        (Get-SandboxAlias -FunctionName verdict-api).functionVersion | Should -Be '1'
        @((Get-SandboxAlias -FunctionName verdict-api).additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }

    It 'passes an undecided bake at its end and splits -FalseRollbackRate across the baked steps' {
        New-SandboxFunction -Name quiet-verdict-api | Out-Null
        $deployment = Publish-LambdaCanary -FunctionName quiet-verdict-api -AliasName LIVE -Runtime python3.11 -Weight 0.1

        $done = $deployment | Set-AliasWeight -Steps 0.25, 0.5, 1 -BakeTime 00:00:02 -PollInterval 00:00:01 -Verdict Sequential -FalseRollbackRate 0.02 -MinInvocations 0

        $done.Status | Should -Be 'Promoted'
        foreach ($step in $done.Steps[1..2]) {
            $gate = $step.Gates | Where-Object Gate -EQ 'SequentialVerdict'
            "$($gate.Result)" | Should -Be 'Passed'
            $gate.Evidence | Should -BeLike 'Continue: *undecided at the end of the bake, no regression shown'
            $gate.Verdict.FalseRollbackRate | Should -Be 0.01
        }
        (Get-SandboxAlias -FunctionName quiet-verdict-api).functionVersion | Should -Be $deployment.CanaryVersion
    }
}
