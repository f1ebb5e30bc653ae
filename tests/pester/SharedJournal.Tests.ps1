#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    A team's shared journal: two PowerShell processes with different journal homes (two CI
    runners, or a runner and an operator's laptop) sharing one DynamoDB table in a standalone
    Sandbox. One canaries and the other undoes it by id; the first is killed mid-bake and the
    other, refused while it lived, resumes the same deployment; a missing table stops a command
    before any change. The table is made with the README's own `aws dynamodb create-table`
    command, so the file is skipped, saying so, where /usr/bin/aws is not installed.
    AWS state is read back through the Sandbox's control surface, never from cmdlet output alone.
#>

BeforeDiscovery {
    $noCli = -not (Test-Path /usr/bin/aws)
}

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $table = 'rotationops-journal'

    function Start-Runner {
        # Another machine: a PowerShell process with a journal home of its own, the shared table in
        # ROTATIONOPS_JOURNAL_TABLE, running $Command; returns the process.
        param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Command)
        $runnerHome = Join-Path $session.JournalHome $Name
        $script = Join-Path $session.JournalHome "$Name.ps1"
        Set-Content -Path $script -Value "`$env:ROTATIONOPS_HOME = '$runnerHome'`n`$env:ROTATIONOPS_JOURNAL_TABLE = '$table'`n$Command"
        Start-PwshScript -Session $session -Path $script
    }

    function Wait-Until {
        param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $Seconds = 60)
        $deadline = [datetime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition) -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 300 }
        & $Condition
    }

    function Get-TableEntry {
        # The journal entries the table holds for one deployment, read from the Sandbox, not through the module.
        param([Parameter(Mandatory)] [string] $DeploymentId)
        $items = ((Invoke-SandboxControl -Path dynamodb).tables | Where-Object name -EQ $table).items
        $items | Where-Object { $_.pk.S -eq "deployment#$DeploymentId" } | Sort-Object { $_.sk.S } | ForEach-Object { $_.entry.S | ConvertFrom-Json }
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Two machines sharing one journal table' -Skip:$noCli {
    BeforeAll {
        # The README's command, as an operator runs it once per account and region.
        Invoke-Aws dynamodb create-table --table-name $table `
            --attribute-definitions 'AttributeName=pk,AttributeType=S' 'AttributeName=sk,AttributeType=S' `
            --key-schema 'AttributeName=pk,KeyType=HASH' 'AttributeName=sk,KeyType=RANGE' `
            --billing-mode PAY_PER_REQUEST | Out-Null
        # This process is the second machine: its own empty journal home, the table named per command.
        $localHome = Join-Path $session.JournalHome 'operator'
        $previousHome = Set-ProcessEnvironment -Values @{ ROTATIONOPS_HOME = $localHome }
    }

    AfterAll {
        Set-ProcessEnvironment -Values $previousHome | Out-Null
    }

    It 'undoes, by its id, a canary another machine published' {
        New-SandboxFunction -Name shared-undo | Out-Null
        $idFile = Join-Path $session.JournalHome 'undo-id.txt'
        $runner = Start-Runner -Name runner-undo -Command "(Publish-LambdaCanary -FunctionName shared-undo -AliasName LIVE -Runtime python3.11 -Weight 0.1).DeploymentId | Set-Content '$idFile'"
        $runner.WaitForExit(120000) | Should -BeTrue
        $runner.ExitCode | Should -Be 0
        $deploymentId = Get-Content $idFile
        (Get-SandboxAlias -FunctionName shared-undo).additionalVersionWeights.'2' | Should -Be 0.1

        $undone = Undo-Deployment -DeploymentId $deploymentId -JournalTable $table -Confirm:$false

        $undone.DeploymentId | Should -Be $deploymentId
        $alias = Get-SandboxAlias -FunctionName shared-undo
        $alias.functionVersion | Should -Be '1'
        @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
        (Get-TableEntry -DeploymentId $deploymentId | Select-Object -Last 1).Details.Status | Should -Be 'RolledBack'
        Test-Path (Join-Path $localHome 'journal.jsonl') | Should -BeFalse -Because 'the shared table, not this machine, holds the journal'
    }

    Context 'a runner killed mid-bake' {
        BeforeAll {
            New-SandboxFunction -Name shared-bake | Out-Null
            $idFile = Join-Path $session.JournalHome 'bake-id.txt'
            $runner = Start-Runner -Name runner-bake -Command (
                "`$canary = Publish-LambdaCanary -FunctionName shared-bake -AliasName LIVE -Runtime python3.11 -Weight 0.1`n" +
                "`$canary.DeploymentId | Set-Content '$idFile'`n" +
                "`$canary | Set-AliasWeight -Steps 0.5, 1 -BakeTime 00:10:00 -PollInterval 00:00:01 -HealthScript { `$true }")
            Wait-Until { (Get-SandboxAlias -FunctionName shared-bake).additionalVersionWeights.'2' -eq 0.5 -or $runner.HasExited } | Out-Null
            $deploymentId = Get-Content $idFile
        }

        AfterAll {
            if (-not $runner.HasExited) { $runner.Kill() }
        }

        It 'refuses this machine while the runner bakes, naming the deployment, and the alias never moves back' {
            $runner.HasExited | Should -BeFalse -Because 'the runner is baking at 50 %'
            $refused = $null
            try { Set-AliasWeight -FunctionName shared-bake -AliasName LIVE -Weight 0.3 -JournalTable $table -ErrorAction Stop } catch { $refused = $_ }

            $refused.FullyQualifiedErrorId | Should -Be 'DeploymentLocked,RotationOps.Commands.SetAliasWeightCommand'
            $refused.Exception.Message | Should -BeLike "*$deploymentId*"
            $refused.Exception.Message | Should -BeLike "*($($runner.Id))*"
            (Get-SandboxAlias -FunctionName shared-bake).additionalVersionWeights.'2' | Should -Be 0.5
        }

        It 'resumes the same deployment from this machine once the runner is killed' {
            $runner.Kill()
            $runner.WaitForExit()

            $resumed = Set-AliasWeight -FunctionName shared-bake -AliasName LIVE -Promote -JournalTable $table

            $resumed.DeploymentId | Should -Be $deploymentId
            $resumed.Status | Should -Be 'Promoted'
            (Get-SandboxAlias -FunctionName shared-bake).functionVersion | Should -Be '2'
            $entries = Get-TableEntry -DeploymentId $deploymentId
            ($entries | Where-Object Action -EQ 'LockTakeover').Details.Reason | Should -Be 'HolderProcessGone'
            ($entries | Select-Object -Last 1).Details.Status | Should -Be 'Promoted'
        }
    }

    It 'takes the table from ROTATIONOPS_JOURNAL_TABLE and keeps secret values out of it' {
        $value = 'Shared-Journal-Pa55word-7301'
        New-SandboxSecret -Name shared/orders/db -Value "{`"username`":`"app`",`"password`":`"$value`"}" | Out-Null
        $rotated = ConvertTo-SecureString 'Rotated-Pa55word-7302' -AsPlainText -Force
        $previous = Set-ProcessEnvironment -Values @{ ROTATIONOPS_JOURNAL_TABLE = $table }
        try {
            $rotation = Invoke-SecretRotation -SecretId shared/orders/db -NewValue $rotated -JsonKey password -Confirm:$false
        } finally {
            Set-ProcessEnvironment -Values $previous | Out-Null
        }

        $rotation.Status | Should -Be 'Completed'
        (Get-TableEntry -DeploymentId $rotation.DeploymentId).Action | Should -Contain 'PutSecretValue'
        $dump = Invoke-SandboxControl -Path dynamodb | ConvertTo-Json -Depth 10
        $dump | Should -Not -BeLike "*$value*"
        $dump | Should -Not -BeLike '*Rotated-Pa55word-7302*'
    }
}

Describe 'A journal table that cannot serve' {
    It 'stops the command before any change, with the create-table command to run' {
        New-SandboxFunction -Name shared-missing | Out-Null
        $failed = $null
        try {
            Publish-LambdaCanary -FunctionName shared-missing -AliasName LIVE -Runtime python3.11 -Weight 0.1 -JournalTable no-such-table -ErrorAction Stop
        } catch { $failed = $_ }

        $failed.FullyQualifiedErrorId | Should -Be 'JournalTableNotFound,RotationOps.Commands.PublishLambdaCanaryCommand'
        $failed.Exception.Message | Should -BeLike '*aws dynamodb create-table * --table-name no-such-table *'
        $function = Invoke-SandboxControl -Path lambda | Where-Object name -EQ shared-missing
        @($function.versions | Where-Object version -NE '$LATEST').version | Should -Be '1' -Because 'no version was published'
        (Get-SandboxAlias -FunctionName shared-missing).functionVersion | Should -Be '1'
    }

    It 'names a create-table command that runs as written in pwsh, after which the command succeeds' -Skip:$noCli {
        New-SandboxFunction -Name shared-follow | Out-Null
        $failed = $null
        try { Publish-LambdaCanary -FunctionName shared-follow -AliasName LIVE -Runtime python3.11 -Weight 0.1 -JournalTable follow-journal -ErrorAction Stop } catch { $failed = $_ }
        $command = [regex]::Match($failed.Exception.Message, 'aws dynamodb create-table .*PAY_PER_REQUEST').Value
        $command | Should -Not -BeNullOrEmpty

        # As the operator pastes it, pointed at the Sandbox.
        Invoke-Expression ($command -replace '^aws ', '& /usr/bin/aws --endpoint-url $env:AWS_ENDPOINT_URL ') | Out-Null
        $LASTEXITCODE | Should -Be 0
        $canary = Publish-LambdaCanary -FunctionName shared-follow -AliasName LIVE -Runtime python3.11 -Weight 0.1 -JournalTable follow-journal

        $canary.Status | Should -Be 'Canary'
        (Get-SandboxAlias -FunctionName shared-follow).additionalVersionWeights.'2' | Should -Be 0.1
    }

    It 'refuses a name DynamoDB does not allow, naming -JournalTable' {
        $failed = $null
        try { Set-AliasWeight -FunctionName shared-missing -AliasName LIVE -Promote -JournalTable 'no tables here' -ErrorAction Stop } catch { $failed = $_ }

        $failed.FullyQualifiedErrorId | Should -Be 'InvalidParameter,RotationOps.Commands.SetAliasWeightCommand'
        $failed.Exception.Message | Should -BeLike '-JournalTable:*'
    }
}
