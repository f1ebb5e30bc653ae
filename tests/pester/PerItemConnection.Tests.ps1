#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    One pipeline over an inventory that spans regions and accounts: -Region and -ProfileName bind
    by property name per item (a CSV's columns, the previous cmdlet's results), a full ARN names
    its region, and each item's calls reach its own place. Two Sandbox processes stand for two
    regions (us-east-1 and eu-west-1); a shared config file gives each a profile with its region
    and endpoint_url, as an operator's ~/.aws/config would name two accounts. AWS state is read
    from each Sandbox's own control surface, not from the module's output. Each pipeline runs in a
    PowerShell process of its own, as a runbook would: the AWS SDK reads AWS_CONFIG_FILE once per
    process, and earlier test files have read this one's.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $east = $session.Sandbox
    $west = Start-SandboxProcess -RepositoryRoot $repositoryRoot -ExtraArgument @('--region', 'eu-west-1')

    function Invoke-At([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [string] $Path, [string] $Method = 'GET', [hashtable] $Body) {
        # The control surface of one Sandbox, whichever the environment points at.
        $request = @{ Uri = "$($Sandbox.Settings.AWS_ENDPOINT_URL.TrimEnd('/'))/_sandbox/$Path"; Method = $Method }
        if ($Body) { $request.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $request.ContentType = 'application/json' }
        $reply = Invoke-RestMethod @request
        $reply
    }

    function Get-AliasAt($Sandbox, [string] $FunctionName) {
        ((Invoke-At $Sandbox lambda) | Where-Object name -EQ $FunctionName).aliases | Where-Object name -EQ LIVE
    }

    function Get-CurrentVersionAt($Sandbox, [string] $Name) {
        $secret = (Invoke-At $Sandbox state).secrets | Where-Object name -EQ $Name
        $secret.versions | Where-Object { $_.stages -contains 'AWSCURRENT' } | ForEach-Object versionId
    }

    function Invoke-Fresh([Parameter(Mandatory)] [string] $Script) {
        # $Script in a new PowerShell with the module imported; returns its output and its errors
        # (id and message), sent back as JSON.
        $path = Join-Path $session.JournalHome "fresh-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $path -Value @"
Import-Module '$($session.Module)'
try { `$all = @(& { $Script } 2>&1) } catch { `$all = @(`$_) }
[pscustomobject]@{
    Output = @(`$all | Where-Object { `$_ -isnot [System.Management.Automation.ErrorRecord] })
    Errors = @(`$all | Where-Object { `$_ -is [System.Management.Automation.ErrorRecord] } |
        ForEach-Object { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Message = `$_.Exception.Message } })
} | ConvertTo-Json -Depth 6 -Compress -EnumsAsStrings
"@
        $pwsh = Get-PwshCommand
        $json = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $path
        $json | Select-Object -Last 1 | ConvertFrom-Json
    }

    # Two profiles as an operator's config names two accounts; the default profile is the first
    # place. The environment's endpoint and region would win over a profile's, so they go.
    $configFile = Join-Path $session.JournalHome 'aws-config'
    $keys = "aws_access_key_id = $($east.Settings.AWS_ACCESS_KEY_ID)`naws_secret_access_key = $($east.Settings.AWS_SECRET_ACCESS_KEY)"
    Set-Content -Path $configFile -Value @"
[default]
region = us-east-1
endpoint_url = $($east.Settings.AWS_ENDPOINT_URL)
$keys

[profile west]
region = eu-west-1
endpoint_url = $($west.Settings.AWS_ENDPOINT_URL)
$keys
"@
    $previous = Set-ProcessEnvironment -Values @{
        AWS_CONFIG_FILE = $configFile; AWS_SHARED_CREDENTIALS_FILE = (Join-Path $session.JournalHome 'no-credentials')
        AWS_ENDPOINT_URL = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null; AWS_PROFILE = $null
    }

    foreach ($sandbox in $east, $west) {
        $null = Invoke-At $sandbox lambda/functions POST @{ name = 'orders-api'; runtime = 'python3.8'; aliasName = 'LIVE' }
        $null = Invoke-At $sandbox secrets POST @{ name = 'fleet/orders/db'; secretString = '{"password":"Initial-Fleet-1"}' }
    }
    $westSecret = Invoke-At $west secrets POST @{ name = 'fleet/west-only'; secretString = 'Initial-West-2' }
    $fleet = Join-Path $session.JournalHome 'fleet.csv'
    Set-Content -Path $fleet -Value "FunctionName,SecretId,ProfileName`norders-api,fleet/orders/db,`norders-api,fleet/orders/db,west"
}

AfterAll {
    if ($previous) { Set-ProcessEnvironment -Values $previous | Out-Null }
    if ($west) { Stop-SandboxProcess -Sandbox $west }
    Exit-SandboxSession $session
}

Describe 'A fleet canary over a CSV that spans two places' {
    It 'deploys and promotes the same function:alias in each place, each on its own connection' {
        $east1 = (Get-AliasAt $east orders-api).functionVersion
        $west1 = (Get-AliasAt $west orders-api).functionVersion

        $run = Invoke-Fresh "Import-Csv '$fleet' | Publish-LambdaCanary -AliasName LIVE -Runtime python3.11 -Weight 0.1 | Set-AliasWeight -Promote"

        $run.Errors | Should -BeNullOrEmpty
        $promoted = $run.Output
        $promoted.Count | Should -Be 2
        ($promoted | Sort-Object Region).Region | Should -Be 'eu-west-1', 'us-east-1'
        ($promoted | Where-Object Region -EQ eu-west-1).ProfileName | Should -Be 'west'
        ($promoted | Where-Object Region -EQ us-east-1).ProfileName | Should -BeNullOrEmpty
        ($promoted | Where-Object Region -EQ eu-west-1).AliasArn | Should -BeLike 'arn:aws:lambda:eu-west-1:*:function:orders-api:LIVE'
        # What each region holds, read from that region's Sandbox: a new version, all traffic on it.
        foreach ($place in @(@{ Sandbox = $east; Before = $east1; Region = 'us-east-1' }, @{ Sandbox = $west; Before = $west1; Region = 'eu-west-1' })) {
            $alias = Get-AliasAt $place.Sandbox orders-api
            $alias.functionVersion | Should -Be ($promoted | Where-Object Region -EQ $place.Region).CanaryVersion
            $alias.functionVersion | Should -Not -Be $place.Before
            @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
        }
    }

    It 'rotates and validates each row''s secret where its profile points' {
        $eastBefore = Get-CurrentVersionAt $east fleet/orders/db
        $westBefore = Get-CurrentVersionAt $west fleet/orders/db

        $run = Invoke-Fresh ("Import-Csv '$fleet' | Invoke-SecretRotation -GeneratePassword -JsonKey password | " +
            'Test-RotatedSecret -RequiredKey password -ExcludeCheck RotationEnabled, RotationFunctionConfigured, NotOverdue')

        $run.Errors | Should -BeNullOrEmpty
        @($run.Output | Where-Object Passed).Count | Should -Be 2
        $eastNow = Get-CurrentVersionAt $east fleet/orders/db
        $westNow = Get-CurrentVersionAt $west fleet/orders/db
        $eastNow | Should -Not -Be $eastBefore
        $westNow | Should -Not -Be $westBefore
        ($run.Output.VersionId | Sort-Object) | Should -Be (@($eastNow, $westNow) | Sort-Object)
    }
}

Describe 'Region from an ARN' {
    It 'sends an item named by a full ARN to the ARN''s region, whatever the default' {
        $before = Get-CurrentVersionAt $west fleet/west-only

        # The default region is us-east-1 (the config's default profile); only the ARN says eu-west-1.
        $run = Invoke-Fresh "'$($westSecret.arn)' | Invoke-SecretRotation -GeneratePassword -EndpointUrl $($west.Settings.AWS_ENDPOINT_URL)"

        $run.Errors | Should -BeNullOrEmpty
        $run.Output.Region | Should -Be 'eu-west-1'
        Get-CurrentVersionAt $west fleet/west-only | Should -Be $run.Output.VersionId
        Get-CurrentVersionAt $west fleet/west-only | Should -Not -Be $before
    }

    It 'binds an AWS.Tools secret list entry by its ARN, not its name' {
        $before = Get-CurrentVersionAt $west fleet/west-only
        # Get-SECSecretList's SecretListEntry carries ARN and Name.
        $entry = "[pscustomobject]@{ ARN = '$($westSecret.arn)'; Name = 'fleet/west-only' }"

        $run = Invoke-Fresh "$entry | Invoke-SecretRotation -GeneratePassword -EndpointUrl $($west.Settings.AWS_ENDPOINT_URL)"

        $run.Errors | Should -BeNullOrEmpty
        Get-CurrentVersionAt $west fleet/west-only | Should -Be $run.Output.VersionId
        Get-CurrentVersionAt $west fleet/west-only | Should -Not -Be $before
    }

    It 'refuses a -Region that contradicts the ARN, before any call' {
        $before = Get-CurrentVersionAt $west fleet/west-only

        $run = Invoke-Fresh "'$($westSecret.arn)' | Invoke-SecretRotation -GeneratePassword -Region us-east-1 -EndpointUrl $($west.Settings.AWS_ENDPOINT_URL)"

        $run.Output | Should -BeNullOrEmpty
        @($run.Errors).Count | Should -Be 1
        $run.Errors[0].Id | Should -BeLike 'InvalidParameter*'
        $run.Errors[0].Message | Should -BeLike '*is in eu-west-1, and -Region is us-east-1*'
        Get-CurrentVersionAt $west fleet/west-only | Should -Be $before
    }
}

Describe 'Per-item failures' {
    It 'an item naming a profile that does not exist fails alone; the others go on' {
        $eastBefore = Get-CurrentVersionAt $east fleet/orders/db
        $rows = "@([pscustomobject]@{ SecretId = 'fleet/orders/db'; ProfileName = 'no-such-profile' }, [pscustomobject]@{ SecretId = 'fleet/orders/db'; ProfileName = '' })"

        $run = Invoke-Fresh "$rows | Invoke-SecretRotation -GeneratePassword -JsonKey password"

        @($run.Output).Count | Should -Be 1
        $run.Output[0].Region | Should -Be 'us-east-1'
        @($run.Errors).Count | Should -Be 1
        $run.Errors[0].Id | Should -BeLike 'InvalidAwsConfiguration*'
        $run.Errors[0].Message | Should -BeLike "*'no-such-profile'*"
        Get-CurrentVersionAt $east fleet/orders/db | Should -Be $run.Output[0].VersionId
        Get-CurrentVersionAt $east fleet/orders/db | Should -Not -Be $eastBefore
    }

    It 'with no default region anywhere, a piped item brings its own; one without fails alone' {
        $before = Get-CurrentVersionAt $west fleet/west-only
        $noRegion = Join-Path $session.JournalHome 'aws-config-no-region'
        Set-Content -Path $noRegion -Value ''
        $rows = "@([pscustomobject]@{ SecretId = 'fleet/west-only'; Region = 'eu-west-1' }, [pscustomobject]@{ SecretId = 'fleet/west-only' })"

        $run = Invoke-Fresh ("`$env:AWS_CONFIG_FILE = '$noRegion'; " +
            "$rows | Invoke-SecretRotation -GeneratePassword -EndpointUrl $($west.Settings.AWS_ENDPOINT_URL)")

        @($run.Output).Count | Should -Be 1
        $run.Output[0].Region | Should -Be 'eu-west-1'
        @($run.Errors).Count | Should -Be 1
        $run.Errors[0].Id | Should -BeLike 'InvalidAwsConfiguration*'
        $run.Errors[0].Message | Should -BeLike 'No AWS region is set*'
        Get-CurrentVersionAt $west fleet/west-only | Should -Be $run.Output[0].VersionId
        Get-CurrentVersionAt $west fleet/west-only | Should -Not -Be $before
    }

    It 'Undo-Deployment by id from another region says which region to run in, and that advice works' {
        $published = Invoke-Fresh "Publish-LambdaCanary -FunctionName orders-api -AliasName LIVE -ProfileName west -Description 'undo me' -Weight 0.2"
        $canary = $published.Output[0]
        (Get-AliasAt $west orders-api).additionalVersionWeights.($canary.CanaryVersion) | Should -Be 0.2

        $refused = Invoke-Fresh "Undo-Deployment -DeploymentId $($canary.DeploymentId) -Confirm:`$false"

        @($refused.Errors).Count | Should -Be 1
        $refused.Errors[0].Message | Should -BeLike "*is in eu-west-1, and this command calls us-east-1. Run the same Undo-Deployment again with -Region eu-west-1*"
        (Get-AliasAt $west orders-api).additionalVersionWeights.($canary.CanaryVersion) | Should -Be 0.2

        # The advice as the user would follow it. In AWS the region alone picks the endpoint; here the
        # second Sandbox stands for eu-west-1, so its endpoint is named too.
        $undone = Invoke-Fresh "Undo-Deployment -DeploymentId $($canary.DeploymentId) -Region eu-west-1 -EndpointUrl $($west.Settings.AWS_ENDPOINT_URL) -Confirm:`$false"
        $undone.Errors | Should -BeNullOrEmpty
        $undone.Output[0].Status | Should -Be 'Completed'
        @((Get-AliasAt $west orders-api).additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }

    It 'a piped deployment carries its region and profile to Undo-Deployment' {
        $run = Invoke-Fresh ("Publish-LambdaCanary -FunctionName orders-api -AliasName LIVE -ProfileName west -Description 'piped undo' -Weight 0.3 | " +
            'Undo-Deployment -Confirm:$false')

        $run.Errors | Should -BeNullOrEmpty
        $run.Output[0].Status | Should -Be 'Completed'
        @((Get-AliasAt $west orders-api).additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }
}
