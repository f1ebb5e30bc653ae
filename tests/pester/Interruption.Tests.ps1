#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Runs that do not end normally: Ctrl+C in the middle of a bake, a PowerShell process killed in
    the middle of a rotation, and scripts run the way a scheduled task or CI job runs them (a
    separate non-interactive pwsh whose exit code is all the scheduler sees).
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $pwsh = Get-PwshCommand

    function Invoke-ScheduledScript([string[]] $Arguments) {
        # As a task scheduler runs it: its own process, nothing imported by hand (the module
        # autoloads from PSModulePath, where an installed module would be).
        Invoke-WithModulePath -Session $session {
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NonInteractive -NoProfile @Arguments 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
        }
    }

    function New-TaskScript([string] $Body) {
        $script = Join-Path $session.JournalHome "task-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $script -Value $Body
        $script
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Ctrl+C during a bake' {
    BeforeAll {
        New-SandboxFunction -Name stop-bake | Out-Null
        # One statement in a runspace that already has the module: stopping a batch of statements
        # and disposing it at once can crash PowerShell itself (InvalidRunspaceStateException).
        $initial = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
        $initial.ImportPSModule($session.Module)
        $ps = [powershell]::Create($initial)
        $ps.AddScript({
                Publish-LambdaCanary -FunctionName stop-bake -AliasName LIVE -Runtime python3.11 -Weight 0.1 |
                    Set-AliasWeight -Steps 0.5, 1 -BakeTime 00:05:00 -PollInterval 00:00:01
            }.ToString()) | Out-Null
        $running = $ps.BeginInvoke()

        # Wait until the first step is live (the bake has begun), then press Ctrl+C.
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 500
            $alias = Get-SandboxAlias -FunctionName stop-bake
            $routed = @($alias.additionalVersionWeights.PSObject.Properties | Where-Object Value -EQ 0.5)
        } until ($routed.Count -gt 0 -or [datetime]::UtcNow -gt $deadline)
        $canaryVersion = $routed[0].Name
        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stopwatch.Stop()
        $stateAfterStop = ($ps.InvocationStateInfo.State).ToString()
        try { $ps.EndInvoke($running) | Out-Null } catch { }
        $ps.Dispose()
        Start-Sleep -Seconds 2
        $aliasAfter = Get-SandboxAlias -FunctionName stop-bake
        $deploymentId = (Get-Content $session.Journal | ConvertFrom-Json | Where-Object { $_.Target -like '*stop-bake*' -and $_.DeploymentId } |
            Select-Object -Last 1).DeploymentId
        $journal = @(Get-JournalEntry -Session $session -DeploymentId $deploymentId)
    }

    It 'stops promptly' {
        $stateAfterStop | Should -Be 'Stopped'
        $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'leaves the alias consistent: the stable version with the step that was live' {
        $aliasAfter.functionVersion | Should -Be '1'
        $aliasAfter.additionalVersionWeights.$canaryVersion | Should -Be 0.5
        @($aliasAfter.additionalVersionWeights.PSObject.Properties).Count | Should -Be 1
    }

    It 'records in the journal where it stopped and how to go on' {
        $last = $journal[-1]
        $last.Phase | Should -Be 'Aborted'
        $last.Error | Should -BeLike "*Set-AliasWeight -DeploymentId $deploymentId*"
        $last.Error | Should -BeLike "*Undo-Deployment -DeploymentId $deploymentId*"
    }

    It 'resumes with the command the journal gives, under the same deployment id' {
        $resumed = Set-AliasWeight -DeploymentId $deploymentId -Steps 1
        $resumed.DeploymentId | Should -Be $deploymentId
        $resumed.Status | Should -Be 'Promoted'
        $alias = Get-SandboxAlias -FunctionName stop-bake
        $alias.functionVersion | Should -Be $canaryVersion
        @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }
}

Describe 'A PowerShell process killed while a rotation runs' {
    BeforeAll {
        $arn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = 'kill-rotation'; stepLatencySeconds = 3 }).arn
        New-SandboxSecret -Name 'kill/db' -Value '{"password":"kill-initial-0001"}' | Out-Null
        $original = Get-SandboxStageVersion -Name 'kill/db'
        $script = New-TaskScript "Invoke-SecretRotation -SecretId kill/db -RotationLambdaArn '$arn' -ErrorAction Stop"

        $process = Start-PwshScript -Session $session -Path $script
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 200
            $inFlight = Get-SandboxStageVersion -Name 'kill/db' -Stage AWSPENDING
        } until ($inFlight -or $process.HasExited -or [datetime]::UtcNow -gt $deadline)
        $wasRunning = -not $process.HasExited
        $process.Kill()   # SIGKILL: no finally block, no journal line, nothing runs after this
        $process.WaitForExit()
    }

    It 'died in the middle: AWSCURRENT still on the old, readable version, the new one in flight' {
        $wasRunning | Should -BeTrue
        $inFlight | Should -Not -BeNullOrEmpty
        Get-SandboxStageVersion -Name 'kill/db' | Should -Be $original
    }

    It 'is resumed by running the same command again: same version, no second rotation' {
        $rerun = Invoke-SecretRotation -SecretId kill/db -RotationLambdaArn $arn
        $rerun.Status | Should -Be 'Completed'
        $rerun.VersionId | Should -Be $inFlight
        $rerun.PreviousVersionId | Should -Be $original
        Get-SandboxStageVersion -Name 'kill/db' | Should -Be $inFlight
        @((Get-SandboxSecret -Name 'kill/db').versions).Count | Should -Be 2
        @(Get-JournalEntry -Session $session -DeploymentId $rerun.DeploymentId | Where-Object Action -EQ 'RotateSecret' | Where-Object Phase -EQ 'Succeeded').Count | Should -Be 1
    }
}

Describe 'Scripts run as scheduled tasks' {
    It 'exits 0 when the rotation works' {
        New-SandboxSecret -Name 'task/ok' -Value '{"password":"task-initial-0001"}' | Out-Null
        $run = Invoke-ScheduledScript '-File', (New-TaskScript @'
$ErrorActionPreference = 'Stop'
Invoke-SecretRotation -SecretId task/ok -GeneratePassword -JsonKey password | Out-Null
'@)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        @((Get-SandboxSecret -Name 'task/ok').versions).Count | Should -Be 2
    }

    It 'exits non-zero when a cmdlet fails under -ErrorAction Stop' {
        $run = Invoke-ScheduledScript '-File', (New-TaskScript 'Invoke-SecretRotation -SecretId task/missing -GeneratePassword -ErrorAction Stop')
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'task/missing'
    }

    It 'examples/rotate-on-schedule.ps1 rotates the good secrets and exits 1 for the bad one' {
        New-SandboxSecret -Name 'task/fleet-ok' -Value '{"password":"task-initial-0002"}' | Out-Null
        $rotationArn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = 'task-rotation' }).arn
        Invoke-SecretRotation -SecretId task/fleet-ok -RotationLambdaArn $rotationArn | Out-Null
        $example = Join-Path $repositoryRoot 'examples/rotate-on-schedule.ps1'

        # -Command, as a task passes a list: -File cannot bind "a, b" to a [string[]] parameter.
        $run = Invoke-ScheduledScript '-Command', "& '$example' -SecretId task/fleet-ok, task/fleet-missing"

        $run.ExitCode | Should -Be 1 -Because $run.Output
        $run.Output | Should -Match 'task/fleet-missing'
        @((Get-SandboxSecret -Name 'task/fleet-ok').versions).Count | Should -Be 3
    }
}
