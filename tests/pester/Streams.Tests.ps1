#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    What the cmdlets write besides their output: no secret value in any stream, transcript, output
    object or journal, even with -Verbose and -Debug; progress records while they wait.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty

    function Invoke-InRunspace([scriptblock] $Script, [hashtable] $Arguments = @{}) {
        # A runspace of its own, so its streams (progress above all) are collected, not shown.
        $ps = [powershell]::Create()
        try {
            $ps.AddScript("Import-Module '$($session.Module)'").AddStatement().AddScript($Script.ToString()) | Out-Null
            foreach ($name in $Arguments.Keys) { $ps.AddParameter($name, $Arguments[$name]) | Out-Null }
            $output = $ps.Invoke()
            [pscustomobject]@{ Output = $output; Progress = @($ps.Streams.Progress); Errors = @($ps.Streams.Error) }
        } finally { $ps.Dispose() }
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Secret values stay out of every stream' {
    BeforeAll {
        # Values that cannot appear by accident: if any of them shows up, it leaked.
        $probes = @{
            Initial     = 'Initial-Leak-Probe-7781'
            Rotated     = 'Rotated-Leak-Probe-9902'
            Staged      = 'Staged-Leak-Probe-3317'
            Environment = 'Env-Leak-Probe-5523'
        }
        New-SandboxSecret -Name 'streams/db' -Value (@{ username = 'app'; password = $probes.Initial } | ConvertTo-Json -Compress) | Out-Null
        New-SandboxFunction -Name streams-api | Out-Null
        $transcript = Join-Path $session.JournalHome 'transcript.txt'
        $rotated = ConvertTo-SecureString $probes.Rotated -AsPlainText -Force
        $staged = ConvertTo-SecureString $probes.Staged -AsPlainText -Force

        $DebugPreference = 'Continue'   # -Debug would ask Inquire on Windows PowerShell 5.1
        Start-Transcript -Path $transcript | Out-Null
        try {
            $captured = & {
                $rotation = Invoke-SecretRotation -SecretId streams/db -NewValue $rotated -JsonKey password -Verbose -TestScript {
                    param($Secret)
                    Write-Verbose "tester saw version $($Secret.VersionId)" -Verbose
                    $true
                }
                $rotation
                $rotation | Format-List * | Out-String
                $rotation | Test-RotatedSecret -RequiredKey username, password -ExcludeCheck RotationEnabled, RotationFunctionConfigured, NotOverdue -Verbose
                # A rejected value: the error text must not carry it either.
                Invoke-SecretRotation -SecretId streams/db -NewValue $staged -JsonKey password -Verbose -TestScript { throw 'rejected by the test' } -ErrorAction Continue
                Publish-LambdaCanary -FunctionName streams-api -AliasName LIVE -Weight 0.1 -Environment @{ DB_PASSWORD = $probes.Environment } -Verbose |
                    Format-List * | Out-String
            } *>&1 | Out-String -Width 4096
        } finally {
            Stop-Transcript | Out-Null
            $DebugPreference = 'SilentlyContinue'
        }
        $journal = Get-Content -Raw -Path $session.Journal
        # Error views wrap long lines inside a border: whitespace and '|' go, so a value split across lines is still found.
        $capturedText = $captured -replace '[\s|]+', ''
        $transcriptText = (Get-Content -Raw -Path $transcript) -replace '[\s|]+', ''
    }

    It 'the run did rotate, reject and deploy (so there was something to leak)' {
        $captured | Should -Match 'VERBOSE|PutSecretValue'
        $capturedText | Should -Match 'rejectedbythetest'
        @((Get-SandboxAlias -FunctionName streams-api).additionalVersionWeights.PSObject.Properties).Count | Should -Be 1
    }

    It 'no <Name> value in the captured streams, the transcript or the journal' -ForEach @(
        @{ Name = 'Initial' }, @{ Name = 'Rotated' }, @{ Name = 'Staged' }, @{ Name = 'Environment' }
    ) {
        $value = $probes[$Name]
        $capturedText | Should -Not -Match ([regex]::Escape($value))
        $transcriptText | Should -Not -Match ([regex]::Escape($value))
        $journal | Should -Not -Match ([regex]::Escape($value))
    }
}

Describe 'Progress while waiting' {
    It 'a service rotation reports progress while the rotation function works' {
        $arn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = 'streams-slow-rotation'; stepLatencySeconds = 1 }).arn
        New-SandboxSecret -Name 'streams/slow' -Value '{"password":"x-initial-value"}' | Out-Null

        $run = Invoke-InRunspace { param($Arn) Invoke-SecretRotation -SecretId streams/slow -RotationLambdaArn $Arn } @{ Arn = $arn }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output[0].Status | Should -Be 'Completed'
        $waits = @($run.Progress | Where-Object { $_.RecordType -eq 'Processing' })
        $waits.Count | Should -BeGreaterThan 0
        $waits[0].Activity | Should -BeLike '*streams/slow*'
        @($run.Progress | Where-Object { $_.RecordType -eq 'Completed' }).Count | Should -BeGreaterThan 0
    }

    It 'a canary reports the Lambda update and activation waits, and the bake' {
        New-SandboxFunction -Name streams-progress | Out-Null

        $run = Invoke-InRunspace {
            Publish-LambdaCanary -FunctionName streams-progress -AliasName LIVE -Runtime python3.11 -Weight 0.1 |
                Set-AliasWeight -Steps 0.5 -BakeTime 00:00:02 -PollInterval 00:00:01
        }

        $run.Errors | Should -BeNullOrEmpty
        $activities = @($run.Progress | Where-Object { $_.RecordType -eq 'Processing' } | ForEach-Object Activity | Select-Object -Unique)
        $activities | Where-Object { $_ -like '*update of streams-progress*' } | Should -Not -BeNullOrEmpty
        $activities | Where-Object { $_ -like '*to become Active*' } | Should -Not -BeNullOrEmpty
        $activities | Where-Object { $_ -like '*streams-progress*' -and $_ -notlike 'Waiting*' } | Should -Not -BeNullOrEmpty -Because "the bake has a bar of its own (saw: $($activities -join '; '))"
    }
}
