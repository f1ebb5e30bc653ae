#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Tab completion of -SecretId, -FunctionName, -AliasName, -Alarm and version ids, as a user meets it:
    TabExpansion2 in the session the module is imported into, against a Sandbox process. Names come
    from AWS, the connection the command would use is honoured, and a slow or unreachable endpoint
    costs at most the completion's budget and leaves nothing in $Error.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty

    function Get-Completion([Parameter(Mandatory)] [string] $InputScript) {
        # The cursor at the end of the line, as when the user presses Tab there.
        @((TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches)
    }

    function Get-UnusedEndpoint {
        # A loopback port nothing listens on: connections are refused at once.
        "http://127.0.0.1:$(Get-FreeTcpPort)"
    }

    function Add-CallCounter([string] $Service, [string] $Operation, [string] $Contains) {
        # A fault that lets the first 100,000 matching calls through untouched: its 'passed' count is
        # how many calls the Sandbox received.
        (Invoke-SandboxControl -Path faults -Method POST -Body @{
            service = $Service; operation = $Operation; kind = 'Throttle'; skip = 100000; requestContains = $Contains
        }).id
    }

    function Get-CallCount([string] $FaultId) {
        (Invoke-SandboxControl -Path faults | Where-Object id -EQ $FaultId).passed
    }

    $orders = Invoke-Aws secretsmanager create-secret --name comp/orders/db --description 'Orders database login' --secret-string '{"password":"Completion-Probe-4471"}'
    $null = New-SandboxSecret -Name comp/orders/cache -Value 'x'
    $null = New-SandboxSecret -Name comp/billing/db -Value 'x'
    $null = New-SandboxFunction -Name comp-orders-api -Runtime python3.11
    $null = New-SandboxFunction -Name comp-billing-api
    $null = Invoke-Aws lambda create-alias --function-name comp-orders-api --name BETA --function-version 1
    foreach ($alarm in 'comp-orders-errors', 'comp orders (latency)') {
        $null = Invoke-Aws cloudwatch put-metric-alarm --alarm-name $alarm --namespace AWS/Lambda --metric-name Errors `
            --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Names complete from AWS' {
    It '-SecretId completes the secrets whose name starts with the typed text, the description as tooltip' {
        $completions = Get-Completion 'Invoke-SecretRotation -SecretId comp/orders/'

        $completions.CompletionText | Should -Be @('comp/orders/cache', 'comp/orders/db')
        ($completions | Where-Object CompletionText -EQ 'comp/orders/db').ToolTip | Should -Be 'Orders database login'
        $completions.ToolTip | Should -Not -Match 'Completion-Probe' -Because 'a tooltip never shows a secret value'
    }

    It '-SecretId completes on every cmdlet that has it' {
        foreach ($command in 'Test-RotatedSecret', 'Undo-Deployment', 'Publish-LambdaCanary -FunctionName x -AliasName LIVE') {
            (Get-Completion "$command -SecretId comp/bil").CompletionText | Should -Be 'comp/billing/db' -Because $command
        }
    }

    It '-FunctionName completes functions, with runtime and last change as tooltip' {
        $completions = Get-Completion 'Publish-LambdaCanary -FunctionName comp-o'

        $completions.CompletionText | Should -Be 'comp-orders-api'
        $completions[0].ToolTip | Should -Match '^python3\.11, last modified \d{4}-'
        (Get-Completion 'Set-AliasWeight -FunctionName comp-').CompletionText | Should -Be @('comp-billing-api', 'comp-orders-api')
    }

    It '-AliasName completes the aliases of the -FunctionName already typed' {
        (Get-Completion 'Set-AliasWeight -FunctionName comp-orders-api -AliasName ').CompletionText | Should -Be @('BETA', 'LIVE')
        (Get-Completion 'Undo-Deployment -FunctionName comp-billing-api -AliasName ').CompletionText | Should -Be 'LIVE'
        (Get-Completion 'Set-AliasWeight -FunctionName comp-orders-api -AliasName be').ToolTip | Should -Be 'version 1'
    }

    It '-AliasName offers nothing before a -FunctionName is typed' {
        Get-Completion 'Set-AliasWeight -AliasName ' | Should -BeNullOrEmpty
    }

    It '-Alarm completes alarm names, quoting one with spaces and parentheses' {
        $completions = Get-Completion 'Set-AliasWeight -FunctionName comp-orders-api -AliasName LIVE -Alarm comp'

        $completions.CompletionText | Should -Be @("'comp orders (latency)'", 'comp-orders-errors')
        $completions[1].ToolTip | Should -Match '^(OK|ALARM|INSUFFICIENT_DATA): Errors \(AWS/Lambda\)$'
    }

    It 'a completion the user opened a quote for stays quoted' {
        (Get-Completion "Invoke-SecretRotation -SecretId 'comp/billing").CompletionText | Should -Be "'comp/billing/db'"
    }

    It 'secret version ids complete for the -SecretId typed, with their staging labels' {
        $completions = Get-Completion 'Undo-Deployment -SecretId comp/orders/db -ToVersionId '

        $completions.CompletionText | Should -Be $orders.VersionId
        $completions[0].ListItemText | Should -Be "$($orders.VersionId) (AWSCURRENT)"
        (Get-Completion 'Test-RotatedSecret comp/orders/db -VersionId ').CompletionText | Should -Be $orders.VersionId -Because 'a positional -SecretId counts too'
    }

    It 'function versions complete for the -FunctionName typed, without $LATEST' {
        (Get-Completion 'Undo-Deployment -FunctionName comp-orders-api -AliasName LIVE -ToVersion ').CompletionText | Should -Be '1'
    }
}

Describe 'The connection completions use' {
    It 'follows -EndpointUrl over AWS_ENDPOINT_URL, as the command would' {
        $sandbox = $env:AWS_ENDPOINT_URL
        $env:AWS_ENDPOINT_URL = Get-UnusedEndpoint
        try {
            (Get-Completion "Invoke-SecretRotation -EndpointUrl $sandbox -SecretId comp/orders/c").CompletionText | Should -Be 'comp/orders/cache'
            Get-Completion 'Invoke-SecretRotation -SecretId comp/orders/c' | Should -BeNullOrEmpty -Because 'AWS_ENDPOINT_URL now points nowhere'
        } finally { $env:AWS_ENDPOINT_URL = $sandbox }
    }

    It 'an unreachable endpoint gives no completions, at once and without an error' {
        $Error.Clear()
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $found = Get-Completion "Set-AliasWeight -EndpointUrl $(Get-UnusedEndpoint) -FunctionName "

        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $found | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }

    It 'an endpoint that does not answer costs at most the two-second budget' {
        $slow = (Invoke-SandboxControl -Path faults -Method POST -Body @{ service = 'monitoring'; operation = 'DescribeAlarms'; kind = 'Latency'; latencyMs = 20000 }).id
        try {
            $Error.Clear()
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $found = Get-Completion 'Set-AliasWeight -Alarm slow-'

            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            $found | Should -BeNullOrEmpty
            $Error.Count | Should -Be 0
        } finally { Invoke-SandboxControl -Path "faults/$slow" -Method DELETE | Out-Null }
    }

    It 'bad connection parameters give no completions and no error' {
        $Error.Clear()
        Get-Completion 'Invoke-SecretRotation -EndpointUrl not-a-url -SecretId comp' | Should -BeNullOrEmpty
        Get-Completion 'Invoke-SecretRotation -ProfileName no-such-profile-7731 -SecretId comp' | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }
}

Describe 'Completion cache' {
    It 'a second completion of the same listing makes no new AWS call' {
        $null = New-SandboxFunction -Name comp-cache-api
        $counter = Add-CallCounter -Service lambda -Operation ListAliases -Contains comp-cache-api

        $first = Get-Completion 'Set-AliasWeight -FunctionName comp-cache-api -AliasName '
        $second = Get-Completion 'Set-AliasWeight -FunctionName comp-cache-api -AliasName L'

        $first.CompletionText | Should -Be 'LIVE'
        $second.CompletionText | Should -Be 'LIVE'
        Get-CallCount $counter | Should -Be 1
    }

    It 'another endpoint is another cache entry' {
        $counter = Add-CallCounter -Service lambda -Operation ListAliases -Contains comp-cache-api
        # The same Sandbox under another spelling of its address.
        $alias = $env:AWS_ENDPOINT_URL -replace '127\.0\.0\.1', 'localhost'

        (Get-Completion "Set-AliasWeight -EndpointUrl $alias -FunctionName comp-cache-api -AliasName ").CompletionText | Should -Be 'LIVE'
        Get-CallCount $counter | Should -Be 1
    }
}
