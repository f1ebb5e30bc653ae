#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The bad-input catalogue: each case is input AWS would refuse by its documented limits, or that
    cannot mean anything. Every one must be refused before any AWS change, with the parameter
    named, and the Sandbox's whole state (secrets, functions, aliases, tables) read before and
    after must be the same.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    New-SandboxSecret -Name bad/db -Value '{"username":"app","password":"Initial-Pa55word-9001"}' | Out-Null
    New-SandboxFunction -Name bad-api | Out-Null
    $rotationArn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = 'bad-input-rotation' }).arn

    function Get-SandboxSnapshot {
        # Everything AWS holds, as JSON, from the Sandbox's own inspection surface.
        @((Invoke-SandboxControl -Path state).secrets, (Invoke-SandboxControl -Path lambda), (Invoke-SandboxControl -Path dynamodb)) | ConvertTo-Json -Depth 12
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Bad input is refused before any AWS change, naming the parameter' {
    It '<Name>' -ForEach @(
        @{ Name = 'a plain-string secret value'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue 'plain text' } }
        @{ Name = 'an empty SecureString value'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue (New-Object System.Security.SecureString) -JsonKey password } }
        @{ Name = 'a value over 65,536 bytes (40,000 two-byte characters)'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue (ConvertTo-SecureString ([string]::new([char]0xE9, 40000)) -AsPlainText -Force) -JsonKey password -Confirm:$false } }
        @{ Name = 'a rotation schedule of 0 days'; Parameter = 'AutomaticallyAfterDays'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -AutomaticallyAfterDays 0 } }
        @{ Name = 'a rotation schedule of 1001 days'; Parameter = 'AutomaticallyAfterDays'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -AutomaticallyAfterDays 1001 } }
        @{ Name = 'a schedule expression that is not rate() or cron()'; Parameter = 'ScheduleExpression'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -ScheduleExpression 'every day' } }
        @{ Name = 'a rotation window not in whole hours'; Parameter = 'RotationWindow'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -ScheduleExpression 'rate(10 days)' -RotationWindow '90m' } }
        @{ Name = 'an environment variable name Lambda refuses'; Parameter = 'Environment'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Environment @{ 'bad key-name!' = 'v' } -Weight 0.1 } }
        @{ Name = 'an environment variable name starting with a digit'; Parameter = 'Environment'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Environment @{ '1FLAG' = 'on' } -Weight 0.1 } }
        @{ Name = 'environment variables over 4 KB together'; Parameter = 'Environment'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Environment @{ BLOB = ('a' * 5000) } -Weight 0.1 } }
        @{ Name = 'removing a variable the function does not have'; Parameter = 'RemoveEnvironmentVariable'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -RemoveEnvironmentVariable NO_SUCH_FLAG -Weight 0.1 } }
        @{ Name = 'a canary weight of 0'; Parameter = 'Weight'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 0 } }
        @{ Name = 'a canary weight of 1 (all traffic is a promotion)'; Parameter = 'Weight'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 1 } }
        @{ Name = 'a canary with nothing to deploy'; Parameter = 'Version'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Weight 0.1 } }
        @{ Name = 'a journal table name DynamoDB refuses'; Parameter = 'JournalTable'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 0.1 -JournalTable 'no tables here' } }
        @{ Name = 'a metric namespace CloudWatch keeps for AWS'; Parameter = 'MetricNamespace'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -MetricNamespace 'AWS/SecretsManager' } }
        @{ Name = 'a metric namespace over 255 characters'; Parameter = 'MetricNamespace'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Promote -MetricNamespace ('a' * 256) } }
        @{ Name = 'a metric namespace with a character CloudWatch refuses'; Parameter = 'MetricNamespace'; Command = { Undo-Deployment -FunctionName bad-api -AliasName LIVE -MetricNamespace 'Rotation|Ops' -Confirm:$false } }
        @{ Name = 'an endpoint that is not a URL'; Parameter = 'EndpointUrl'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -EndpointUrl 'localhost 4566' } }
        @{ Name = 'a deployment id the journal does not have'; Parameter = 'DeploymentId'; Command = { Undo-Deployment -DeploymentId dep-20260101T000000Z-00000000 -Confirm:$false } }
        @{ Name = 'a consumer qualifier with no consumer function'; Parameter = 'Qualifier'; Command = { Test-RotatedSecret -SecretId bad/db -Qualifier LIVE } }
        @{ Name = 'a consumer payload with no consumer function'; Parameter = 'Payload'; Command = { Test-RotatedSecret -SecretId bad/db -Payload '{"ping":true}' } }
        @{ Name = 'traffic steps that fall'; Parameter = 'Steps'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Steps 0.5, 0.3 -BakeTime 00:01:00 } }
        @{ Name = 'a promotion step before the last'; Parameter = 'Steps'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Steps 1, 0.5 -BakeTime 00:01:00 } }
        @{ Name = 'a traffic step of 0'; Parameter = 'Steps'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Steps 0, 0.5 -BakeTime 00:01:00 } }
        @{ Name = 'a traffic step above 1'; Parameter = 'Steps'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Steps 0.5, 1.5 -BakeTime 00:01:00 } }
        @{ Name = 'a traffic weight of 0'; Parameter = 'Weight'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0 } }
        @{ Name = 'a negative traffic weight'; Parameter = 'Weight'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight -0.1 } }
        @{ Name = 'a negative bake time'; Parameter = 'BakeTime'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime -00:01:00 } }
        @{ Name = 'a poll interval of zero'; Parameter = 'PollInterval'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -PollInterval 00:00:00 } }
        @{ Name = 'an error-rate ceiling of 100 %'; Parameter = 'MaxErrorRate'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MaxErrorRate 1 } }
        @{ Name = 'a negative error-rate ceiling'; Parameter = 'MaxErrorRate'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MaxErrorRate -0.1 } }
        @{ Name = 'an error-rate increase over 100 %'; Parameter = 'MaxErrorRateIncrease'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MaxErrorRateIncrease 1.5 } }
        @{ Name = 'a negative minimum of invocations'; Parameter = 'MinInvocations'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MinInvocations -1 } }
        @{ Name = 'an error-rate gate with no bake to judge'; Parameter = 'BakeTime'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -MaxErrorRate 0.01 } }
        @{ Name = 'an error-rate gate on an immediate promotion'; Parameter = 'MaxErrorRate'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Promote -MaxErrorRate 0.01 } }
        @{ Name = 'a sequential verdict with no bake to judge'; Parameter = 'BakeTime'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -Verdict Sequential } }
        @{ Name = 'a sequential verdict on an immediate promotion'; Parameter = 'Verdict'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Promote -Verdict Sequential } }
        @{ Name = 'a false-rollback rate of 0'; Parameter = 'FalseRollbackRate'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -Verdict Sequential -FalseRollbackRate 0 } }
        @{ Name = 'a false-rollback rate for the threshold verdict'; Parameter = 'FalseRollbackRate'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MaxErrorRate 0.01 -Verdict Threshold -FalseRollbackRate 0.05 } }
        @{ Name = 'a shift throttle limit of 0'; Parameter = 'ThrottleLimit'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -ThrottleLimit 0 } }
        @{ Name = 'an existing version combined with changes'; Parameter = 'Version'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Version 1 -Runtime python3.11 -Weight 0.1 } }
        @{ Name = 'a description over 256 characters'; Parameter = 'Description'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Description ('d' * 300) -Weight 0.1 } }
        @{ Name = 'a negative canary weight'; Parameter = 'Weight'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight -0.5 } }
        @{ Name = 'a canary throttle limit over 1000'; Parameter = 'ThrottleLimit'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 0.1 -ThrottleLimit 1001 } }
        @{ Name = 'a one-letter environment variable name'; Parameter = 'Environment'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Environment @{ A = 'v' } -Weight 0.1 } }
        @{ Name = 'an empty variable name to remove'; Parameter = 'RemoveEnvironmentVariable'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -RemoveEnvironmentVariable '' -Weight 0.1 } }
        @{ Name = 'a rotation throttle limit of 0'; Parameter = 'ThrottleLimit'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -ThrottleLimit 0 } }
        @{ Name = 'a negative rotation timeout'; Parameter = 'Timeout'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -Timeout -00:05:00 } }
        @{ Name = 'both a day count and a schedule expression'; Parameter = 'ScheduleExpression'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -AutomaticallyAfterDays 30 -ScheduleExpression 'rate(10 days)' } }
        @{ Name = 'a maximum secret age of zero'; Parameter = 'MaxAge'; Command = { Test-RotatedSecret -SecretId bad/db -MaxAge 00:00:00 } }
        @{ Name = 'a consumer error-rate ceiling over 100 %'; Parameter = 'MaxConsumerErrorRate'; Command = { Test-RotatedSecret -SecretId bad/db -FunctionName bad-api -MaxConsumerErrorRate 2 } }
        @{ Name = 'an empty required key'; Parameter = 'RequiredKey'; Command = { Test-RotatedSecret -SecretId bad/db -RequiredKey '' } }
        @{ Name = 'restoring an alias to $LATEST'; Parameter = 'ToVersion'; Command = { Undo-Deployment -FunctionName bad-api -AliasName LIVE -ToVersion '$LATEST' -Confirm:$false } }
        @{ Name = 'an empty deployment id'; Parameter = 'DeploymentId'; Command = { Undo-Deployment -DeploymentId '' -Confirm:$false } }
        @{ Name = 'an empty hashtable of keys'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue @{} } }
        @{ Name = 'an empty key in a hashtable'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue @{ password = '' } } }
        @{ Name = 'a nested hashtable as one key'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue @{ password = @{ nested = 'x' } } } }
        @{ Name = 'an array as one key'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue @{ password = @(1, 2) } } }
        @{ Name = 'a credential with an empty password'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue ([pscredential]::new('app', (New-Object System.Security.SecureString))) } }
        @{ Name = 'a rotation window of 25 hours'; Parameter = 'RotationWindow'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -ScheduleExpression 'rate(10 days)' -RotationWindow '25h' } }
        @{ Name = 'a rotation window of 0 hours'; Parameter = 'RotationWindow'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -ScheduleExpression 'rate(10 days)' -RotationWindow '0h' } }
        @{ Name = 'a schedule expression over 256 characters'; Parameter = 'ScheduleExpression'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -ScheduleExpression ('cron(0 4 ? * SUN *)' + (' ' * 250)) } }
        @{ Name = 'an endpoint that is not http(s)'; Parameter = 'EndpointUrl'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -EndpointUrl 'ftp://127.0.0.1/' } }
        @{ Name = 'an empty secret id'; Parameter = 'SecretId'; Command = { Invoke-SecretRotation -SecretId '' -GeneratePassword } }
        @{ Name = 'an empty region'; Parameter = 'Region'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -Region '' } }
        @{ Name = 'a canary weight above 1'; Parameter = 'Weight'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 1.5 } }
        @{ Name = 'a variable the Lambda runtime reserves'; Parameter = 'Environment'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Environment @{ AWS_REGION = 'eu-west-1' } -Weight 0.1 } }
        @{ Name = 'another reserved variable'; Parameter = 'Environment'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Environment @{ AWS_LAMBDA_FUNCTION_NAME = 'x' } -Weight 0.1 } }
        @{ Name = 'the live version as the canary'; Parameter = 'Version'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Version 1 -Weight 0.1 } }
        @{ Name = '$LATEST as the canary'; Parameter = 'Version'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Version '$LATEST' -Weight 0.1 } }
        @{ Name = 'a code package that does not exist'; Parameter = 'ZipFile'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -ZipFile ./no-such-package.zip -Weight 0.1 } }
        @{ Name = 'an empty runtime'; Parameter = 'Runtime'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime '' -Weight 0.1 } }
        @{ Name = 'no traffic steps'; Parameter = 'Steps'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Steps @() -BakeTime 00:01:00 } }
        @{ Name = 'an empty alarm name'; Parameter = 'Alarm'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -Alarm '' } }
        @{ Name = 'a deployment id to shift that the journal does not have'; Parameter = 'DeploymentId'; Command = { Set-AliasWeight -DeploymentId dep-20260101T000000Z-ffffffff -Promote } }
        @{ Name = 'a check name that does not exist'; Parameter = 'ExcludeCheck'; Command = { Test-RotatedSecret -SecretId bad/db -ExcludeCheck NoSuchCheck } }
        @{ Name = 'an empty alias to undo'; Parameter = 'AliasName'; Command = { Undo-Deployment -FunctionName bad-api -AliasName '' -Confirm:$false } }
        @{ Name = 'an empty version to restore a secret to'; Parameter = 'ToVersionId'; Command = { Undo-Deployment -SecretId bad/db -ToVersionId '' -Confirm:$false } }
        @{ Name = 'a call timeout of zero'; Parameter = 'CallTimeout'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -CallTimeout 00:00:00 } }
        @{ Name = 'a call timeout over 15 minutes'; Parameter = 'CallTimeout'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -CallTimeout 01:00:00 } }
        @{ Name = 'a rotation timeout of zero'; Parameter = 'Timeout'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -Timeout 00:00:00 } }
        @{ Name = 'a share of traffic and a promotion'; Parameter = 'Promote'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -Promote } }
        @{ Name = 'traffic steps and a promotion'; Parameter = 'Promote'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Steps 0.5, 1 -Promote } }
        @{ Name = 'a share of traffic and traffic steps'; Parameter = 'Steps'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -Steps 0.5, 1 -BakeTime 00:01:00 } }
        @{ Name = 'a bake on an immediate promotion'; Parameter = 'BakeTime'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Promote -BakeTime 00:05:00 } }
        @{ Name = 'a poll interval with no bake'; Parameter = 'PollInterval'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -PollInterval 00:00:10 } }
        @{ Name = 'a minimum of invocations with no error-rate gate'; Parameter = 'MinInvocations'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MinInvocations 50 } }
        @{ Name = 'no rollback with no gate to fail'; Parameter = 'NoRollback'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -NoRollback } }
        @{ Name = 'a false-rollback rate with no sequential verdict'; Parameter = 'FalseRollbackRate'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -MaxErrorRate 0.01 -FalseRollbackRate 0.05 } }
        @{ Name = 'a secret and an alias to undo at once'; Parameter = 'FunctionName'; Command = { Undo-Deployment -SecretId bad/db -FunctionName bad-api -AliasName LIVE -Confirm:$false } }
        @{ Name = 'a journaled deployment and a secret to undo at once'; Parameter = 'SecretId'; Command = { Undo-Deployment -DeploymentId dep-20260101T000000Z-00000000 -SecretId bad/db -Confirm:$false } }
        @{ Name = 'a journaled deployment and an alias to undo at once'; Parameter = 'FunctionName'; Command = { Undo-Deployment -DeploymentId dep-20260101T000000Z-00000000 -FunctionName bad-api -AliasName LIVE -Confirm:$false } }
        @{ Name = 'a function version to restore a secret to'; Parameter = 'ToVersion'; Command = { Undo-Deployment -SecretId bad/db -ToVersion 2 -Confirm:$false } }
        @{ Name = 'a secret version to restore an alias to'; Parameter = 'ToVersionId'; Command = { Undo-Deployment -FunctionName bad-api -AliasName LIVE -ToVersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' -Confirm:$false } }
        @{ Name = 'a given value and a generated password'; Parameter = 'GeneratePassword'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue (ConvertTo-SecureString 'N3w-Pa55word-Of-Some-Length' -AsPlainText -Force) -JsonKey password -GeneratePassword } }
        @{ Name = 'a rotation function and a given value'; Parameter = 'RotationLambdaArn'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -NewValue (ConvertTo-SecureString 'N3w-Pa55word-Of-Some-Length' -AsPlainText -Force) -JsonKey password } }
        @{ Name = 'completing a staged value and generating a new one'; Parameter = 'Complete'; Command = { Invoke-SecretRotation -SecretId bad/db -Complete -VersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' -GeneratePassword } }
        @{ Name = 'completing a staged value and giving a new one'; Parameter = 'Complete'; Command = { Invoke-SecretRotation -SecretId bad/db -Complete -VersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' -NewValue @{ password = (ConvertTo-SecureString 'N3w-Pa55word-Of-Some-Length' -AsPlainText -Force) } } }
        @{ Name = 'a rotation schedule on a manual rotation'; Parameter = 'AutomaticallyAfterDays'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -AutomaticallyAfterDays 30 } }
        @{ Name = 'a rotation function timeout on completing'; Parameter = 'Timeout'; Command = { Invoke-SecretRotation -SecretId bad/db -Complete -VersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' -Timeout 00:05:00 } }
        @{ Name = 'staging and completing at once'; Parameter = 'Pending'; Command = { Invoke-SecretRotation -SecretId bad/db -Complete -VersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' -Pending } }
        @{ Name = 'a JSON key on completing'; Parameter = 'JsonKey'; Command = { Invoke-SecretRotation -SecretId bad/db -Complete -VersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' -JsonKey password } }
        @{ Name = 'a password length with no generated password'; Parameter = 'PasswordLength'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -PasswordLength 40 } }
        @{ Name = 'excluded characters on a given value'; Parameter = 'ExcludeCharacters'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue (ConvertTo-SecureString 'N3w-Pa55word-Of-Some-Length' -AsPlainText -Force) -JsonKey password -ExcludeCharacters '/@' } }
        @{ Name = 'a staged version with no -Complete'; Parameter = 'VersionId'; Command = { Invoke-SecretRotation -SecretId bad/db -VersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' } }
        @{ Name = 'a JSON key on a service rotation'; Parameter = 'JsonKey'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -JsonKey password } }
        @{ Name = 'staging on a service rotation'; Parameter = 'Pending'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -Pending } }
        @{ Name = 'a test script on a service rotation'; Parameter = 'TestScript'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -TestScript { $true } } }
        @{ Name = 'a consumer error-rate ceiling with no consumer'; Parameter = 'MaxConsumerErrorRate'; Command = { Test-RotatedSecret -SecretId bad/db -MaxConsumerErrorRate 0.05 } }
        @{ Name = 'a secret version variable with no secret version'; Parameter = 'SecretVersionVariable'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 0.1 -SecretVersionVariable DB_SECRET_VERSION } }
        @{ Name = 'a secret version with no secret'; Parameter = 'SecretVersionId'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Runtime python3.11 -Weight 0.1 -SecretVersionId '3f1c0a9e-7d2b-4c55-9a1e-0b6f2d8e4c71' } }
        @{ Name = 'a secret name over 512 characters'; Parameter = 'SecretId'; Command = { Invoke-SecretRotation -SecretId ('s' * 513) -GeneratePassword -JsonKey password } }
        @{ Name = 'a secret name with characters Secrets Manager refuses'; Parameter = 'SecretId'; Command = { Test-RotatedSecret -SecretId 'bad db!' } }
        @{ Name = 'a secret ARN with no account or resource type'; Parameter = 'SecretId'; Command = { Invoke-SecretRotation -SecretId 'arn:aws:secretsmanager:eu-west-1:bad/db' -GeneratePassword -JsonKey password } }
        @{ Name = 'a secret to undo with characters Secrets Manager refuses'; Parameter = 'SecretId'; Command = { Undo-Deployment -SecretId 'bad#db' -Confirm:$false } }
        @{ Name = 'a rotation function ARN with no account'; Parameter = 'RotationLambdaArn'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn 'arn:aws:lambda:eu-west-1:function:bad-input-rotation' } }
        @{ Name = 'an alias name with characters Lambda refuses'; Parameter = 'AliasName'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName 'LIVE!' -Runtime python3.11 -Weight 0.1 } }
        @{ Name = 'an alias name of digits only (a version number)'; Parameter = 'AliasName'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName 123 -Weight 0.2 } }
        @{ Name = 'an alias name over 128 characters'; Parameter = 'AliasName'; Command = { Undo-Deployment -FunctionName bad-api -AliasName ('a' * 129) -Confirm:$false } }
        @{ Name = 'a function name over 64 characters'; Parameter = 'FunctionName'; Command = { Publish-LambdaCanary -FunctionName ('f' * 65) -AliasName LIVE -Runtime python3.11 -Weight 0.1 } }
        @{ Name = 'a function ARN over 140 characters'; Parameter = 'FunctionName'; Command = { Set-AliasWeight -FunctionName ('arn:aws:lambda:eu-west-1:123456789012:function:' + ('f' * 100)) -AliasName LIVE -Weight 0.2 } }
        @{ Name = 'a consumer function name with a space'; Parameter = 'FunctionName'; Command = { Test-RotatedSecret -SecretId bad/db -FunctionName 'bad api' } }
        @{ Name = 'a version that is not a number'; Parameter = 'Version'; Command = { Publish-LambdaCanary -FunctionName bad-api -AliasName LIVE -Version v2 -Weight 0.1 } }
        @{ Name = 'a version to restore that is not a number'; Parameter = 'ToVersion'; Command = { Undo-Deployment -FunctionName bad-api -AliasName LIVE -ToVersion latest -Confirm:$false } }
        @{ Name = 'a consumer qualifier Lambda refuses'; Parameter = 'Qualifier'; Command = { Test-RotatedSecret -SecretId bad/db -FunctionName bad-api -Qualifier 'LIVE/blue' } }
        @{ Name = 'an alarm name over 255 characters'; Parameter = 'Alarm'; Command = { Set-AliasWeight -FunctionName bad-api -AliasName LIVE -Weight 0.2 -BakeTime 00:01:00 -Alarm ('a' * 256) } }
        @{ Name = 'a staged version id too short to be one'; Parameter = 'VersionId'; Command = { Invoke-SecretRotation -SecretId bad/db -Complete -VersionId v1 } }
        @{ Name = 'a secret version to restore too short to be one'; Parameter = 'ToVersionId'; Command = { Undo-Deployment -SecretId bad/db -ToVersionId abc -Confirm:$false } }
        @{ Name = 'a region code with spaces'; Parameter = 'Region'; Command = { Test-RotatedSecret -SecretId bad/db -Region 'eu west 1' } }
        @{ Name = 'an endpoint URL given as the region'; Parameter = 'Region'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -Region 'https://secretsmanager.eu-west-1.amazonaws.com' } }
        @{ Name = 'a JSON key with no name'; Parameter = 'NewValue'; Command = { Invoke-SecretRotation -SecretId bad/db -NewValue @{ '' = (ConvertTo-SecureString 'N3w-Pa55word-Of-Some-Length' -AsPlainText -Force) } } }
        @{ Name = 'a blank JSON key to rotate'; Parameter = 'JsonKey'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey '   ' } }
        @{ Name = 'a password length of 0'; Parameter = 'PasswordLength'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -PasswordLength 0 } }
        @{ Name = 'a password length over 4096'; Parameter = 'PasswordLength'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -PasswordLength 4097 } }
        @{ Name = 'a password too short for one of each character type'; Parameter = 'PasswordLength'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -PasswordLength 3 } }
        @{ Name = 'every character type excluded'; Parameter = 'ExcludeLowercase'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -ExcludeLowercase } }
        @{ Name = 'excluded characters that leave nothing'; Parameter = 'ExcludeCharacters'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -ExcludeNumbers -ExcludePunctuation -ExcludeCharacters ('abcdefghijklmnopqrstuvwxyz' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') } }
        @{ Name = 'excluded characters over 4096'; Parameter = 'ExcludeCharacters'; Command = { Invoke-SecretRotation -SecretId bad/db -GeneratePassword -JsonKey password -ExcludeCharacters ('/' * 4097) } }
        @{ Name = 'a rotation window written out in words'; Parameter = 'RotationWindow'; Command = { Invoke-SecretRotation -SecretId bad/db -RotationLambdaArn $rotationArn -ScheduleExpression 'rate(10 days)' -RotationWindow '3 hours' } }
    ) {
        $before = Get-SandboxSnapshot
        $caught = $null

        try { & $Command -ErrorAction Stop } catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty -Because 'the input must be refused'
        # Refused by the module (or PowerShell's binder), not by AWS after a call went out.
        $caught.FullyQualifiedErrorId -split ',' | Select-Object -First 1 | Should -Match '^(InvalidParameter|ParameterArgumentValidationError\w*)$'
        $caught.CategoryInfo.Category | Should -BeIn @('InvalidArgument', 'InvalidData')
        "$($caught.Exception.Message) $($caught.FullyQualifiedErrorId)" | Should -BeLike "*$Parameter*"
        Get-SandboxSnapshot | Should -Be $before -Because 'nothing may change in AWS'
    }
}
