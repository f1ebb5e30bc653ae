#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    -MetricNamespace end to end: the cmdlets publish their outcomes with PutMetricData, and the
    AWS CLI (an independent client) reads them back from the Sandbox with get-metric-statistics,
    as an operator's alarm would see them. The Sandbox is seeded with the demo (secret
    demo/orders/db, rotation function demo-orders-rotation, function demo-orders-api).
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot
    $noCli = -not (Test-Path /usr/bin/aws)

    function Get-MetricSum {
        # The Sum of a metric over the last hour (and the next minute) of the Sandbox's clock; 0 without data.
        param([string] $Namespace, [string] $MetricName, [string[]] $Dimension)
        $now = [DateTimeOffset](Invoke-SandboxControl -Path clock).now
        $statistics = Invoke-Aws cloudwatch get-metric-statistics --namespace $Namespace --metric-name $MetricName --dimensions @Dimension `
            --start-time $now.AddHours(-1).ToString('o') --end-time $now.AddMinutes(1).ToString('o') --period 3600 --statistics Sum
        [double]($statistics.Datapoints | Measure-Object -Property Sum -Sum).Sum
    }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe '-MetricNamespace' {
    It 'publishes RotationSucceeded and RotationDuration for a rotation, with the secret name as dimension' -Skip:$noCli {
        $functionArn = "arn:aws:lambda:$($env:AWS_REGION):123456789012:function:demo-orders-rotation"
        $rotation = Invoke-SecretRotation -SecretId demo/orders/db -RotationLambdaArn $functionArn -MetricNamespace RotationOps/Pester

        $rotation.Status | Should -Be 'Completed'
        Get-MetricSum RotationOps/Pester RotationSucceeded 'Name=SecretName,Value=demo/orders/db' | Should -Be 1
        Get-MetricSum RotationOps/Pester RotationFailed 'Name=SecretName,Value=demo/orders/db' | Should -Be 0
        Get-MetricSum RotationOps/Pester RotationDuration 'Name=SecretName,Value=demo/orders/db' | Should -BeGreaterOrEqual 0
    }

    It 'publishes RotationFailed for a rotation that ends in an error' -Skip:$noCli {
        Invoke-SecretRotation -SecretId demo/no-such-secret -GeneratePassword -MetricNamespace RotationOps/Pester -ErrorAction SilentlyContinue -ErrorVariable failed

        $failed | Should -Not -BeNullOrEmpty
        Get-MetricSum RotationOps/Pester RotationFailed 'Name=SecretName,Value=demo/no-such-secret' | Should -Be 1
    }

    It 'publishes CanaryPromoted for a promoted canary, by function and alias' -Skip:$noCli {
        $done = Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Runtime python3.11 -Weight 0.1 |
            Set-AliasWeight -Promote -MetricNamespace RotationOps/Pester

        $done.Status | Should -Be 'Promoted'
        Get-MetricSum RotationOps/Pester CanaryPromoted 'Name=FunctionName,Value=demo-orders-api', 'Name=Alias,Value=LIVE' | Should -Be 1
    }

    It 'publishes nothing with -WhatIf' -Skip:$noCli {
        Invoke-SecretRotation -SecretId demo/orders/db -MetricNamespace RotationOps/WhatIf -WhatIf | Should -BeNullOrEmpty

        Get-MetricSum RotationOps/WhatIf RotationSucceeded 'Name=SecretName,Value=demo/orders/db' | Should -Be 0
        Get-MetricSum RotationOps/WhatIf RotationFailed 'Name=SecretName,Value=demo/orders/db' | Should -Be 0
    }

    It 'refuses a namespace CloudWatch keeps for AWS, naming the parameter' {
        { Invoke-SecretRotation -SecretId demo/orders/db -MetricNamespace AWS/SecretsManager -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidParameter*' -ExpectedMessage '*-MetricNamespace*AWS/*'
    }
}
