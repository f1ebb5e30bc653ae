#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Two deployers on one alias from two PowerShell processes sharing one journal folder (two
    operators on one machine, or a scheduled task and an operator): the deployment lock lets one
    move the alias and refuses the other; a holder whose process was killed is taken over by the
    re-run, which resumes the same deployment.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Two processes shifting one alias' {
    BeforeAll {
        New-SandboxFunction -Name lock-api | Out-Null
        $canary = Publish-LambdaCanary -FunctionName lock-api -AliasName LIVE -Runtime python3.11 -Weight 0.1
        $script = Join-Path $session.JournalHome 'bake.ps1'
        Set-Content -Path $script -Value "Set-AliasWeight -DeploymentId $($canary.DeploymentId) -Steps 0.5, 1 -BakeTime 00:10:00 -PollInterval 00:00:01 -HealthScript { `$true }"
        $other = Start-PwshScript -Session $session -Path $script

        $deadline = [datetime]::UtcNow.AddSeconds(60)
        do { Start-Sleep -Milliseconds 300 }
        until ((Get-SandboxAlias -FunctionName lock-api).additionalVersionWeights.($canary.CanaryVersion) -eq 0.5 -or $other.HasExited -or [datetime]::UtcNow -gt $deadline)
    }

    AfterAll {
        if ($other -and -not $other.HasExited) { $other.Kill() }
    }

    It 'refuses the second deployer with DeploymentLocked, naming the holder, and the alias does not move back' {
        $other.HasExited | Should -BeFalse -Because 'the first deployer is baking'
        $refused = $null
        try { Set-AliasWeight -FunctionName lock-api -AliasName LIVE -Weight 0.3 -BakeTime 00:00:05 -HealthScript { $true } -ErrorAction Stop } catch { $refused = $_ }

        $refused.FullyQualifiedErrorId | Should -Be 'DeploymentLocked,RotationOps.Commands.SetAliasWeightCommand'
        $refused.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $refused.Exception.Message | Should -BeLike "*$($canary.DeploymentId)*"
        $refused.Exception.Message | Should -BeLike "*process $($other.Id)*still running*"
        (Get-SandboxAlias -FunctionName lock-api).additionalVersionWeights.($canary.CanaryVersion) | Should -Be 0.5
    }

    It 'lets the re-run take over once the holder was killed, and resume the same deployment' {
        $other.Kill()
        $other.WaitForExit()

        $resumed = Set-AliasWeight -DeploymentId $canary.DeploymentId -Steps 1

        $resumed.DeploymentId | Should -Be $canary.DeploymentId
        $resumed.Status | Should -Be 'Promoted'
        (Get-SandboxAlias -FunctionName lock-api).functionVersion | Should -Be $canary.CanaryVersion
        $takeover = Get-JournalEntry -Session $session -DeploymentId $canary.DeploymentId | Where-Object Action -EQ 'LockTakeover'
        $takeover.Details.Reason | Should -Be 'HolderProcessGone'
    }
}
