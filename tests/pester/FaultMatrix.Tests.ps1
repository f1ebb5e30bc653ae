#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The fault matrix: every step of every cmdlet that changes AWS, under each way a call can go
    wrong — a throttling burst, a 5xx, no answer within -CallTimeout (the change not made, or made
    and answered late), a reset connection, the reply lost after AWS applied the change, Lambda's
    409 and 412, Ctrl+C, and the process killed with the call in flight (before or after AWS applied
    it). Each case runs on resources of its own, with the fault scoped to them, so the
    cases run side by side. Every case must leave:
      - AWS consistent: AWSCURRENT on a readable version, no version lost; the alias on published
        versions, routing at most one more;
      - AWS either as intended or as before, and the command's report saying which;
      - the journal matching AWS (after a kill between apply and answer, ending on the change's intent);
      - a re-run of the same command ending as intended.
    Transient faults (throttle, 5xx, timeouts, reset, lost reply, Lambda's "update in progress" 409)
    must not stop the step at all; a failure says what to run next.
#>

BeforeDiscovery {
    $catalogue = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'FaultMatrix.Cases.psd1')
    $cases = @(foreach ($step in $catalogue.LambdaSteps) { foreach ($fault in $catalogue.LambdaFaults) { @{ Step = $step; Fault = $fault } } }) +
        @(foreach ($step in $catalogue.SecretSteps) { foreach ($fault in $catalogue.SecretFaults) { @{ Step = $step; Fault = $fault } } })
}

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $helpers = Join-Path $PSScriptRoot 'SandboxProcess.ps1'
    . $helpers
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $catalogue = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'FaultMatrix.Cases.psd1')
    $matrixCases = @(foreach ($step in $catalogue.LambdaSteps) { foreach ($fault in $catalogue.LambdaFaults) { @{ Step = $step; Fault = $fault } } }) +
        @(foreach ($step in $catalogue.SecretSteps) { foreach ($fault in $catalogue.SecretFaults) { @{ Step = $step; Fault = $fault } } })

    # One case, start to finish, in a runspace of its own: set up, arm the fault, run the step,
    # read AWS and the journal, run the same command again without the fault, read again.
    $caseScript = {
        param([string] $Step, [string] $Fault, [int] $Number, [string] $Helpers, [string] $Module, [string] $Work)
        . $Helpers
        $ErrorActionPreference = 'Stop'
        $fn = "fm-fn-$Number-x"
        $secret = "fm/s-$Number-x"
        $isLambda = $Step -notmatch 'Secret|AWSCURRENT|AWSPENDING|RotateSecret'
        $marker = if ($isLambda) { $fn } else { $secret }

        # The step: what to set up, the command under test, and the AWS call the fault hits.
        $context = @{ Fn = $fn; Secret = $secret }
        switch -Wildcard ($Step) {
            'Publish-LambdaCanary*' {
                New-SandboxFunction -Name $fn | Out-Null
                $operation = @{ '*configuration' = 'UpdateFunctionConfiguration'; '*code' = 'UpdateFunctionCode'; '*publishes*' = 'PublishVersion'; '*routes*' = 'UpdateAlias' }.GetEnumerator() |
                    Where-Object { $Step -like $_.Key } | ForEach-Object Value
                if ($operation -eq 'UpdateFunctionCode') {
                    $source = Join-Path $Work "$Number.py"
                    Set-Content -Path $source -Value "def handler(event, context):`n    return {'case': $Number}"
                    $context.Zip = Join-Path $Work "$Number.zip"
                    Compress-Archive -Path $source -DestinationPath $context.Zip
                    $command = 'Publish-LambdaCanary -FunctionName $c.Fn -AliasName LIVE -ZipFile $c.Zip -Weight 0.1'
                } else {
                    $command = 'Publish-LambdaCanary -FunctionName $c.Fn -AliasName LIVE -Environment @{ FLAG = ''on'' } -Weight 0.1'
                }
                $intended = @{ Version = '1'; Routing = @{ '2' = 0.1 } }
            }
            'Set-AliasWeight*' {
                New-SandboxFunction -Name $fn | Out-Null
                $context.DeploymentId = (Publish-LambdaCanary -FunctionName $fn -AliasName LIVE -Environment @{ FLAG = 'on' } -Weight 0.1).DeploymentId
                $operation = 'UpdateAlias'
                if ($Step -like '*promotes') {
                    $command = 'Set-AliasWeight -DeploymentId $c.DeploymentId -Promote'
                    $intended = @{ Version = '2'; Routing = @{} }
                } else {
                    $command = 'Set-AliasWeight -DeploymentId $c.DeploymentId -Weight 0.5'
                    $intended = @{ Version = '1'; Routing = @{ '2' = 0.5 } }
                }
            }
            'Undo-Deployment restores*' {
                New-SandboxFunction -Name $fn | Out-Null
                $context.DeploymentId = (Publish-LambdaCanary -FunctionName $fn -AliasName LIVE -Environment @{ FLAG = 'on' } -Weight 0.1).DeploymentId
                $operation = 'UpdateAlias'
                $command = 'Undo-Deployment -DeploymentId $c.DeploymentId'
                $intended = @{ Version = '1'; Routing = @{} }
            }
            default {
                New-SandboxSecret -Name $secret -Value '{"username":"app","password":"Initial-Pa55word-9001"}' | Out-Null
                $operation = 'UpdateSecretVersionStage'
                $skip = 0
                $command = 'Invoke-SecretRotation -SecretId $c.Secret -GeneratePassword -JsonKey password'
                switch -Wildcard ($Step) {
                    '*stages AWSPENDING' { $operation = 'PutSecretValue' }
                    '*takes AWSPENDING off' { $skip = 1 }
                    '*RotateSecret' {
                        $context.Arn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = "fm-rotation-$Number-x" }).arn
                        $operation = 'RotateSecret'
                        $command = 'Invoke-SecretRotation -SecretId $c.Secret -RotationLambdaArn $c.Arn'
                    }
                    '*-Complete*' {
                        $pending = Invoke-SecretRotation -SecretId $secret -GeneratePassword -JsonKey password -Pending -Confirm:$false
                        $context.VersionId = $pending.VersionId
                        $context.PreviousVersionId = $pending.PreviousVersionId
                        $context.DeploymentId = $pending.DeploymentId
                        $command = 'Invoke-SecretRotation -Complete -SecretId $c.Secret -VersionId $c.VersionId -PreviousVersionId $c.PreviousVersionId -DeploymentId $c.DeploymentId'
                    }
                    'Undo-Deployment*' {
                        $rotation = Invoke-SecretRotation -SecretId $secret -GeneratePassword -JsonKey password -Confirm:$false
                        $context.DeploymentId = $rotation.DeploymentId
                        $context.PreviousVersionId = $rotation.PreviousVersionId
                        $command = 'Undo-Deployment -DeploymentId $c.DeploymentId'
                    }
                }
            }
        }

        function Read-State {
            # What AWS holds, read through the Sandbox's inspection surface, never through the module.
            if ($isLambda) {
                $alias = Get-SandboxAlias -FunctionName $fn
                $routing = @{}
                foreach ($p in @($alias.additionalVersionWeights.PSObject.Properties)) { $routing[$p.Name] = [double]$p.Value }
                $published = @((Invoke-SandboxControl -Path lambda | Where-Object name -EQ $fn).versions | ForEach-Object { "$($_.version)" })
                [pscustomobject]@{ Version = "$($alias.functionVersion)"; Routing = $routing; Published = $published }
            } else {
                $state = Get-SandboxSecret -Name $secret
                [pscustomobject]@{
                    Current  = ($state.versions | Where-Object { $_.stages -contains 'AWSCURRENT' }).versionId
                    Pending  = @($state.versions | Where-Object { $_.stages -contains 'AWSPENDING' } | ForEach-Object versionId)
                    Versions = @($state.versions | ForEach-Object versionId)
                }
            }
        }

        function Invoke-Step([hashtable] $Extra = @{}) {
            # The command as a user runs it; its output objects and error records both kept.
            $arguments = @{ Confirm = $false; ErrorAction = 'Continue' } + $Extra
            $all = try { @(& ([scriptblock]::Create("param(`$c, `$a) $command @a")) $context $arguments 2>&1) } catch { @($_) }
            [pscustomobject]@{
                Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
                Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
            }
        }

        function Wait-FaultHit([string] $Id) {
            $deadline = [datetime]::UtcNow.AddSeconds(90)
            while ([datetime]::UtcNow -lt $deadline) {
                if ((Invoke-SandboxControl -Path faults | Where-Object id -EQ $Id).hits -ge 1) { return $true }
                Start-Sleep -Milliseconds 100
            }
            $false
        }

        $before = Read-State
        $kind = @{ Throttle = 'Throttle'; ServerError = 'ServerError'; Timeout = 'Latency'; LateTimeout = 'SlowReply'; Reset = 'DropConnection'; LostReply = 'DropReply'
            Conflict = 'Conflict'; PreconditionFailed = 'PreconditionFailed'; Cancel = 'Latency'; Kill = 'Latency'; KillAfterApply = 'SlowReply'
        }[$Fault]
        $rule = @{ service = $(if ($isLambda) { 'lambda' } else { 'secretsmanager' }); operation = $operation; kind = $kind
            count = $(if ($Fault -eq 'Throttle') { 3 } else { 1 }); skip = $skip; requestContains = $marker
            latencyMs = $(switch ($Fault) { { $_ -in 'Timeout', 'LateTimeout' } { 4000 } { $_ -in 'Cancel', 'Kill', 'KillAfterApply' } { 60000 } default { 0 } })
        }
        $faultId = (Invoke-SandboxControl -Path faults -Method POST -Body $rule).id
        $hit = $true
        switch ($Fault) {
            'Cancel' {
                # Ctrl+C: PowerShell.Stop() runs the cmdlet's StopProcessing, as the console does.
                $initial = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
                $initial.ImportPSModule($Module)
                $ps = [powershell]::Create($initial)
                $ps.AddScript("param(`$c) $command -Confirm:`$false").AddArgument($context) | Out-Null
                $async = $ps.BeginInvoke()
                $hit = Wait-FaultHit $faultId
                $ps.Stop()
                try { $ps.EndInvoke($async) | Out-Null } catch { }
                $run = [pscustomobject]@{ Output = @(); Errors = @("$($ps.InvocationStateInfo.State): $($ps.InvocationStateInfo.Reason.Message)") }
                $ps.Dispose()
            }
            { $_ -in 'Kill', 'KillAfterApply' } {
                # The real PowerShell process (not the launcher, which forks), killed with the call in flight.
                $contextFile = Join-Path $Work "$Number.json"
                $context | ConvertTo-Json | Set-Content -Path $contextFile
                $script = Join-Path $Work "$Number.ps1"
                Set-Content -Path $script -Value "Import-Module '$Module'`n`$h = Get-Content '$contextFile' -Raw | ConvertFrom-Json -AsHashtable`n`$c = `$h`n$command -Confirm:`$false"
                $pwsh = Get-PwshCommand
                $process = Start-Process -FilePath $pwsh[0] -ArgumentList (@($pwsh | Select-Object -Skip 1) + '-NonInteractive', '-NoProfile', '-File', "`"$script`"") -PassThru
                $hit = Wait-FaultHit $faultId
                $process.Kill()
                $process.WaitForExit()
                $run = [pscustomobject]@{ Output = @(); Errors = @('killed') }
            }
            { $_ -in 'Timeout', 'LateTimeout' } { $run = Invoke-Step @{ CallTimeout = [timespan]::FromSeconds(2) } }
            default { $run = Invoke-Step }
        }
        Invoke-SandboxControl -Path "faults/$faultId" -Method DELETE | Out-Null
        # A stopped or killed call's connection closes at once; the Sandbox drops the delayed call with it.
        $after = Read-State

        $journalLines = Read-JournalFile -Path (Join-Path $env:ROTATIONOPS_HOME 'journal.jsonl')
        $target = if ($isLambda) { "*:function:${fn}:LIVE" } else { "*:secret:$secret-*" }
        $deploymentId = $context.DeploymentId
        if (-not $deploymentId) {
            $deploymentId = ($journalLines | Where-Object { $_.Phase -eq 'Started' -and "$($_.Target)" -like $target } | Select-Object -Last 1).DeploymentId
        }
        $journal = @($journalLines | Where-Object DeploymentId -EQ $deploymentId)

        $recovery = Invoke-Step
        $final = Read-State
        [pscustomobject]@{
            Step = $Step; Fault = $Fault; IsLambda = $isLambda; Hit = $hit; Intended = $intended; Context = $context
            Before = $before; After = $after; Run = $run; Journal = $journal; Recovery = $recovery; Final = $final
        }
    }.ToString()

    # Cases run eight at a time (bakes and waits are mostly idle), each in its own runspace with the module.
    $initial = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
    $initial.ImportPSModule($session.Module)
    $pool = [runspacefactory]::CreateRunspacePool(1, 8, $initial, $Host)
    $pool.Open()
    $work = Join-Path $session.JournalHome 'cases'
    New-Item -ItemType Directory -Path $work | Out-Null
    $number = 0
    $running = foreach ($case in $matrixCases) {
        $number++
        $ps = [powershell]::Create()
        $ps.RunspacePool = $pool
        $ps.AddScript($caseScript).AddArgument($case.Step).AddArgument($case.Fault).AddArgument($number).AddArgument($helpers).AddArgument($session.Module).AddArgument($work) | Out-Null
        [pscustomobject]@{ Key = "$($case.Step)|$($case.Fault)"; PowerShell = $ps; Async = $ps.BeginInvoke() }
    }
    $results = @{}
    foreach ($job in $running) {
        try {
            $results[$job.Key] = $job.PowerShell.EndInvoke($job.Async) | Select-Object -Last 1
            if (-not $results[$job.Key]) { $results[$job.Key] = "no result: $($job.PowerShell.Streams.Error | Out-String)" }
        } catch {
            $results[$job.Key] = "the case failed to run: $_ $($job.PowerShell.Streams.Error | Out-String)"
        } finally {
            $job.PowerShell.Dispose()
        }
    }
    $pool.Dispose()

    function Test-SameAlias($A, $B) {
        # Same version and the same routing; either side may be AWS's alias, the journal's or the intended one.
        $A.Version -eq $B.Version -and $A.Routing.Count -eq $B.Routing.Count -and
        @($A.Routing.Keys | Where-Object { $B.Routing[$_] -ne $A.Routing[$_] }).Count -eq 0
    }

    function Get-Outcome($Result, $State) {
        # 'intended', 'before' or 'neither': where AWS ended up for this step.
        if ($Result.IsLambda) {
            if (Test-SameAlias $Result.Intended $State) { 'intended' } elseif (Test-SameAlias $State $Result.Before) { 'before' } else { 'neither' }
        } else {
            $wanted = switch -Wildcard ($Result.Step) {
                '*-Complete*' { $Result.Context.VersionId }
                'Undo-Deployment*' { $Result.Context.PreviousVersionId }
                default { $null }
            }
            $moved = $State.Current -ne $Result.Before.Current
            # AWSPENDING left on the AWSCURRENT version blocks nothing; on any other version it blocks the next rotation.
            $done = $moved -and (-not $wanted -or $State.Current -eq $wanted) -and
                @($State.Pending | Where-Object { $_ -ne $State.Current }).Count -eq 0
            if ($done) { 'intended' } elseif (-not $moved) { 'before' } else { 'neither' }
        }
    }

    function Test-ReportedSuccess($Run) {
        $ok = @($Run.Output | Where-Object { "$($_.Status)" -in 'Completed', 'Canary', 'Promoted' })
        $Run.Errors.Count -eq 0 -and $ok.Count -ge 1
    }

    function Get-JournalView($Result) {
        # What the journal says AWS holds after the run: the last change it records as made.
        if ($Result.IsLambda) {
            $last = $Result.Journal | Where-Object { $_.Action -eq 'UpdateAlias' -and $_.Phase -eq 'Succeeded' } | Select-Object -Last 1
            if (-not $last) { return $null }
            $weight = [double]$last.Details.Weight
            $routing = @{}
            if ($weight -gt 0 -and $weight -lt 1) { $routing[$last.Details.CanaryVersion] = $weight }
            [pscustomobject]@{ Version = $last.Details.FunctionVersion; Routing = $routing }
        } else {
            # A label move this module made, or the end of a rotation the rotation function made.
            $last = $Result.Journal | Where-Object {
                ($_.Action -eq 'UpdateSecretVersionStage' -and $_.Phase -eq 'Succeeded' -and $_.Details.Stage -eq 'AWSCURRENT') -or
                ($_.Action -eq 'SecretRotation' -and $_.Details.Status -eq 'Completed')
            } | Select-Object -Last 1
            if (-not $last) { $null } elseif ($last.Action -eq 'SecretRotation') { $last.Details.VersionId } else { $last.Details.MoveToVersionId }
        }
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Fault matrix: <Step>' -ForEach ($cases | Group-Object { $_.Step } | ForEach-Object { @{ Step = $_.Name; Cases = @($_.Group) } }) {
    It 'under <Fault>: AWS stays consistent, ends as intended or as before, and the report says which' -ForEach $Cases {
        $result = $results["$Step|$Fault"]
        $result | Should -BeOfType [pscustomobject] -Because "$result"
        $result.Hit | Should -BeTrue -Because 'the fault must hit the step it is aimed at'
        $state = $result.After
        if ($result.IsLambda) {
            $state.Version | Should -Match '^\d+$' -Because 'the alias serves a published version, never $LATEST'
            $state.Routing.Count | Should -BeLessOrEqual 1
            foreach ($version in $state.Routing.Keys) { $version | Should -BeIn $state.Published }
        } else {
            $state.Current | Should -Not -BeNullOrEmpty
            Invoke-Aws secretsmanager get-secret-value --secret-id $result.Context.Secret --query SecretString | Should -Not -BeNullOrEmpty -Because 'AWSCURRENT stays readable'
            foreach ($version in $result.Before.Versions) { $version | Should -BeIn $state.Versions -Because 'no version is ever lost' }
        }

        $outcome = Get-Outcome $result $state
        $outcome | Should -BeIn 'intended', 'before' -Because "AWS must end as intended or as it was ($($result.Run.Errors -join '; '))"
        $reported = Test-ReportedSuccess $result.Run
        if ($outcome -eq 'intended') {
            # A stopped or killed run cannot report; its change, if made, must be in the journal (next test).
            if ($Fault -notin 'Cancel', 'Kill', 'KillAfterApply') { $reported | Should -BeTrue -Because "AWS holds the change, so the command must say it is done ($($result.Run.Errors -join '; '))" }
        } else {
            $reported | Should -BeFalse -Because 'AWS does not hold the change, so the command must not say it is done'
        }
        if ($Fault -in 'Throttle', 'ServerError', 'Timeout', 'LateTimeout', 'Reset', 'LostReply', 'Conflict') {
            $outcome | Should -Be 'intended' -Because "a transient fault is retried or read back, not reported as a failure ($($result.Run.Errors -join '; '))"
        }
        if ($outcome -eq 'before' -and $Fault -notin 'Cancel', 'Kill', 'KillAfterApply') {
            $result.Run.Errors -join ' ' | Should -Match 'the same (command|Undo-Deployment) again|Resume with Set-AliasWeight' -Because 'a failure says what to run next (the re-run below proves it safe)'
        }
    }

    It 'under <Fault>: the journal records what AWS holds' -ForEach $Cases {
        $result = $results["$Step|$Fault"]
        $view = Get-JournalView $result
        $matches = if ($result.IsLambda) {
            if ($view) { Test-SameAlias $view $result.After } else { Test-SameAlias $result.After $result.Before }
        } else {
            $result.After.Current -eq $(if ($view) { $view } else { $result.Before.Current })
        }
        if (-not $matches -and $Fault -eq 'KillAfterApply') {
            # Killed between AWS applying the change and its answer: the journal cannot know, so its
            # last line must be the change's intent, which tells a reader (and the re-run) it may be made.
            $result.Journal[-1].Phase | Should -Be 'Intent' -Because 'a change cut off by a crash is left as an intent, never as a failure'
        } else {
            $matches | Should -BeTrue -Because "the journal's last recorded change is what AWS holds"
        }
    }

    It 'under <Fault>: running the same command again ends as intended' -ForEach $Cases {
        $result = $results["$Step|$Fault"]
        Get-Outcome $result $result.Final | Should -Be 'intended' -Because "the re-run said: $($result.Recovery.Errors -join '; ') $($result.Recovery.Output.Message -join '; ')"
        if (-not $result.IsLambda -and $result.Step -notlike '*-Complete*') {
            $result.Final.Pending | Should -BeNullOrEmpty -Because 'nothing is left staged to block the next rotation'
        }
    }
}
