#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Canary defects seen where users meet them, in a real pwsh against a standalone Sandbox:
    an alias changed outside a deployment, a fleet stopped by one item's terminating error, the
    story a promoted deployment tells, gates given without a bake, and -Alarm naming a composite
    alarm (which CloudWatch lists only when asked for by type). AWS state is read
    independently (the Sandbox's /_sandbox/lambda and the AWS CLI), never only from cmdlet output.
    The operator's out-of-band alias changes use the seed's own AWS CLI command, and alarms are made
    with the CLI as operators make them; those tests are skipped, saying so, where /usr/bin/aws is
    not installed.
    Expects `dotnet build` to have laid out out/RotationOps/.
#>

BeforeDiscovery {
    # The seed's emergency rollback is an AWS CLI command: it is run as written, where the CLI is installed.
    $noCli = -not (Test-Path /usr/bin/aws)
}

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty

    function Get-AliasState {
        # The alias as the Sandbox holds it: "<version>" or "<version>+<weight>@<routed version>".
        param([string] $Name)
        $function = Invoke-SandboxControl -Path lambda | Where-Object name -EQ $Name
        $alias = $function.aliases | Where-Object name -eq 'LIVE'
        $routes = @($alias.additionalVersionWeights.PSObject.Properties | ForEach-Object { "+$($_.Value)@$($_.Name)" })
        [pscustomobject]@{
            Name            = $Name
            FunctionVersion = $alias.functionVersion
            Routing         = $routes -join ''
            RevisionId      = $alias.revisionId
            Published       = @($function.versions | Where-Object version -ne '$LATEST').version
            Text            = "$($alias.functionVersion)$($routes -join '')"
        }
    }

    function Assert-AliasAsJournaled {
        # The alias is on published versions only, and where the deployment's last record says.
        param([string] $DeploymentId)
        $record = @(Get-JournalEntry -Session $session -DeploymentId $DeploymentId | Where-Object Action -eq 'LambdaDeployment')[-1]
        $state = Get-AliasState -Name $record.Details.FunctionName
        $state.Published | Should -Contain $state.FunctionVersion
        $weight = [double]::Parse($record.Details.Weight, [cultureinfo]::InvariantCulture)
        $expected = if ($weight -ge 1) { $record.Details.CanaryVersion }
                    elseif ($weight -gt 0) { "$($record.Details.StableVersion)+$weight@$($record.Details.CanaryVersion)" }
                    else { $record.Details.StableVersion }
        $state.Text | Should -Be $expected -Because "deployment $DeploymentId journaled $($record.Phase) at weight $weight"
    }

    $bake = @{ BakeTime = [timespan]'00:00:03'; PollInterval = [timespan]'00:00:01' }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'An alias changed outside the deployment (AliasChanged)' {
    BeforeAll {
        New-SandboxFunction -Name changed-api | Out-Null
    }

    It 'refuses to re-deploy a canary the operator rolled back by hand, piped or resumed, unless -Force' -Skip:$noCli {
        $deployment = Publish-LambdaCanary -FunctionName changed-api -AliasName LIVE -Description 'canary to pull' -Weight 0.1
        (Get-AliasState -Name changed-api).Text | Should -Be "1+0.1@$($deployment.CanaryVersion)"

        # The operator's emergency rollback, outside the module.
        $null = Invoke-Aws lambda update-alias --function-name changed-api --name LIVE --routing-config 'AdditionalVersionWeights={}'
        $rolledBack = Get-AliasState -Name changed-api
        $rolledBack.Text | Should -Be '1'

        $piped = $null
        try { $deployment | Set-AliasWeight -Steps 0.5, 1 @bake -ErrorAction Stop } catch { $piped = $_ }
        $piped | Should -Not -BeNullOrEmpty
        $piped.FullyQualifiedErrorId | Should -BeLike 'AliasChanged,*'
        $piped.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $piped.Exception.Message | Should -BeLike '*now serves version 1 alone*'
        $piped.Exception.Message | Should -BeLike "*Publish-LambdaCanary -FunctionName changed-api -AliasName LIVE -Version $($deployment.CanaryVersion)*"
        $piped.Exception.Message | Should -BeLike '*-Force*'

        $resumed = $null
        try { Set-AliasWeight -DeploymentId $deployment.DeploymentId -Promote -Confirm:$false -ErrorAction Stop } catch { $resumed = $_ }
        $resumed.FullyQualifiedErrorId | Should -BeLike 'AliasChanged,*'

        $after = Get-AliasState -Name changed-api
        $after.Text | Should -Be '1'
        $after.RevisionId | Should -Be $rolledBack.RevisionId
        (Invoke-Aws lambda get-alias --function-name changed-api --name LIVE).FunctionVersion | Should -Be '1'

        $forced = Set-AliasWeight -DeploymentId $deployment.DeploymentId -Promote -Force -Confirm:$false
        $forced.Status | Should -Be 'Promoted'
        (Get-AliasState -Name changed-api).Text | Should -Be $deployment.CanaryVersion
    }
}

Describe 'A fleet stopped by one item''s terminating error' {
    BeforeAll {
        $names = 'fleet-a', 'fleet-b', 'fleet-c', 'fleet-d', 'fleet-e', 'fleet-f'
        foreach ($name in $names) { New-SandboxFunction -Name $name | Out-Null }
    }

    It 'stops every bake when a -HealthScript fails one function under -ErrorAction Stop, journals each, and changes nothing afterwards' {
        $fleet = 'fleet-a', 'fleet-b', 'fleet-c' | ForEach-Object {
            Publish-LambdaCanary -FunctionName $_ -AliasName LIVE -Description 'fleet canary' -Weight 0.05
        }
        $failure = $null
        $started = [datetime]::UtcNow
        try {
            $fleet | Set-AliasWeight -Steps 0.25, 0.5, 1 @bake -ErrorAction Stop -HealthScript {
                param($deployment)
                if ($deployment.FunctionName -eq 'fleet-b') { throw 'fleet-b answers 500s' }
            }
        } catch { $failure = $_ }
        $returnedAfter = [datetime]::UtcNow - $started
        $atReturn = $fleet | ForEach-Object { (Get-AliasState -Name $_.FunctionName).Text }

        $failure.FullyQualifiedErrorId | Should -BeLike 'CanaryRolledBack,*'
        $returnedAfter | Should -BeLessThan ([timespan]'00:00:30')
        Start-Sleep -Seconds 8
        $fleet | ForEach-Object { (Get-AliasState -Name $_.FunctionName).Text } | Should -Be $atReturn
        (Get-AliasState -Name fleet-b).Text | Should -Be '1'
        foreach ($deployment in $fleet) {
            Assert-AliasAsJournaled -DeploymentId $deployment.DeploymentId
            # Every deployment's end is journaled: rolled back, or stopped with how to resume.
            $last = @(Get-JournalEntry -Session $session -DeploymentId $deployment.DeploymentId | Where-Object Action -eq 'LambdaDeployment')[-1]
            $last.Phase | Should -Be 'Aborted'
        }
    }

    It 'stops the other bakes when one item is refused (AliasChanged) under -ErrorAction Stop, so no alias moves after control returns' -Skip:$noCli {
        $fleet = 'fleet-d', 'fleet-e', 'fleet-f' | ForEach-Object {
            Publish-LambdaCanary -FunctionName $_ -AliasName LIVE -Description 'fleet canary' -Weight 0.05
        }
        $null = Invoke-Aws lambda update-alias --function-name fleet-e --name LIVE --routing-config 'AdditionalVersionWeights={}'
        $failure = $null
        try {
            $fleet | Set-AliasWeight -Steps 0.25, 0.5, 1 @bake -ErrorAction Stop
        } catch { $failure = $_ }
        $atReturn = $fleet | ForEach-Object { (Get-AliasState -Name $_.FunctionName).Text }

        $failure.FullyQualifiedErrorId | Should -BeLike 'AliasChanged,*'
        Start-Sleep -Seconds 8
        $fleet | ForEach-Object { (Get-AliasState -Name $_.FunctionName).Text } | Should -Be $atReturn
        (Get-AliasState -Name fleet-e).Text | Should -Be '1'
        foreach ($deployment in $fleet | Where-Object FunctionName -ne 'fleet-e') {
            Assert-AliasAsJournaled -DeploymentId $deployment.DeploymentId
            # Stopped mid-shift, it journals where it stopped; stopped before its first move, its
            # alias is still where Publish-LambdaCanary journaled it.
            $entries = @(Get-JournalEntry -Session $session -DeploymentId $deployment.DeploymentId)
            $moves = @($entries | Where-Object { $_.Action -eq 'UpdateAlias' -and $_.Phase -eq 'Succeeded' })
            if ($moves.Count -gt 1) {
                @($entries | Where-Object Action -eq 'LambdaDeployment')[-1].Phase | Should -Be 'Aborted'
            }
        }
    }
}

Describe 'The promoted deployment tells the whole story' {
    BeforeAll {
        New-SandboxFunction -Name story-api | Out-Null
    }

    It 'keeps Changes, AliasArn and the initial canary step through Set-AliasWeight' {
        $deployment = Publish-LambdaCanary -FunctionName story-api -AliasName LIVE -Runtime python3.11 -Weight 0.1
        $deployment.Changes | Should -Not -BeNullOrEmpty
        $deployment.AliasArn | Should -Not -BeNullOrEmpty

        $done = $deployment | Set-AliasWeight -Steps 0.5, 1 -BakeTime 00:00:02 -PollInterval 00:00:01

        $done.Status | Should -Be 'Promoted'
        $done.Changes | Should -Be $deployment.Changes
        $done.AliasArn | Should -Be $deployment.AliasArn
        $done.Steps.Weight | Should -Be @(0.1, 0.5, 1)
        $done.Steps[0].Outcome | Should -Be 'Routed'
        (Get-AliasState -Name story-api).FunctionVersion | Should -Be $deployment.CanaryVersion
    }

    It 'keeps them when resumed with -DeploymentId' {
        $deployment = Publish-LambdaCanary -FunctionName story-api -AliasName LIVE -Description 'resumed story' -Weight 0.2

        $done = Set-AliasWeight -DeploymentId $deployment.DeploymentId -Promote -Confirm:$false

        $done.Status | Should -Be 'Promoted'
        $done.Changes | Should -Be $deployment.Changes
        $done.AliasArn | Should -Be $deployment.AliasArn
        $done.Steps.Weight | Should -Be @(0.2, 1)
        $done.Steps.Outcome | Should -Be @('Routed', 'Promoted')
    }
}

Describe 'Gates without -BakeTime' {
    BeforeAll {
        New-SandboxFunction -Name nobake-api | Out-Null
    }

    It 'is a parameter error naming -BakeTime, before any AWS change' {
        $deployment = Publish-LambdaCanary -FunctionName nobake-api -AliasName LIVE -Description 'no bake' -Weight 0.1
        $before = Get-AliasState -Name nobake-api

        $refused = $null
        try { $deployment | Set-AliasWeight -Steps 0.5, 1 -MaxErrorRate 0.01 -ErrorAction Stop } catch { $refused = $_ }

        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $refused.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused.Exception.Message | Should -BeLike '*-BakeTime*'
        $refused.Exception.Message | Should -BeLike '*-BakeTime 00:10:00*'
        $after = Get-AliasState -Name nobake-api
        $after.Text | Should -Be "1+0.1@$($deployment.CanaryVersion)"
        $after.RevisionId | Should -Be $before.RevisionId
    }
}

Describe 'Gates on a composite alarm (-Alarm)' {
    BeforeAll {
        New-SandboxFunction -Name composite-api | Out-Null
        if (Test-Path /usr/bin/aws) {
            # TreatMissingData ignore: without data the child keeps the state a drill forces on it.
            $null = Invoke-Aws cloudwatch put-metric-alarm --alarm-name composite-api-errors --namespace AWS/Lambda --metric-name Errors `
                --dimensions 'Name=FunctionName,Value=composite-api' --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 `
                --comparison-operator GreaterThanThreshold --treat-missing-data ignore
            $null = Invoke-Aws cloudwatch put-composite-alarm --alarm-name composite-api-health --alarm-rule 'ALARM("composite-api-errors")'
        }
    }

    It 'rolls the canary back when a child alarm puts the composite in ALARM, naming the composite in the evidence' -Skip:$noCli {
        $deployment = Publish-LambdaCanary -FunctionName composite-api -AliasName LIVE -Description 'composite gate' -Weight 0.1
        $null = Invoke-Aws cloudwatch set-alarm-state --alarm-name composite-api-errors --state-value ALARM --state-reason 'error drill'

        $deployment | Set-AliasWeight -Steps 0.5, 1 @bake -Alarm composite-api-health -ErrorAction SilentlyContinue -ErrorVariable failures

        # A rollback is an error record carrying the deployment, so a fleet run goes on past it.
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CanaryRolledBack,*'
        $failures[0].Exception.Message | Should -BeLike '*composite-api-health*'
        $result = $failures[0].TargetObject
        $result.Status | Should -Be 'RolledBack'
        $gate = $result.Steps[-1].Gates | Where-Object Gate -EQ 'Alarm'
        "$($gate.Result)" | Should -Be 'Failed'
        $gate.Evidence | Should -BeLike 'composite alarm composite-api-health is ALARM since *:alarm:composite-api-errors transitioned to ALARM at *'
        (Get-AliasState -Name composite-api).Text | Should -Be '1'
        Assert-AliasAsJournaled -DeploymentId $deployment.DeploymentId
    }

    It 'still refuses a name that is neither a metric nor a composite alarm, before any change' -Skip:$noCli {
        $deployment = Publish-LambdaCanary -FunctionName composite-api -AliasName LIVE -Description 'misspelt gate' -Weight 0.1 -Force
        $before = Get-AliasState -Name composite-api

        $refused = $null
        try { $deployment | Set-AliasWeight -Steps 0.5, 1 @bake -Alarm composite-api-health, composite-api-healht -ErrorAction Stop } catch { $refused = $_ }

        $refused.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $refused.Exception.Message | Should -BeLike '*composite-api-healht*'
        $refused.Exception.Message | Should -Not -BeLike '*composite-api-health,*'
        (Get-AliasState -Name composite-api).RevisionId | Should -Be $before.RevisionId
    }
}
