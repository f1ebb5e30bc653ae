#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    End-to-end checks of the imported module against a local Sandbox, for machines with
    PowerShell (build.ps1 -Task Test; the GitHub Actions matrix). Expects `dotnet build` to have
    laid out out/RotationOps/. The Sandbox is started with --seed-demo, which holds the secret
    demo/orders/db and its rotation function demo-orders-rotation.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot
    $manifestPath = $session.Module

    $secretId = 'demo/orders/db'
    $functionArn = "arn:aws:lambda:$($env:AWS_REGION):123456789012:function:demo-orders-rotation"
    # Rotation is enabled once, here; the tests below rotate through the configured function.
    $firstRotation = Invoke-SecretRotation -SecretId $secretId -RotationLambdaArn $functionArn -AutomaticallyAfterDays 30
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'The RotationOps module' {
    It 'exports exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile -Path $manifestPath
        (Get-Command -Module RotationOps).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'Invoke-SecretRotation' {
    It 'rotates through the rotation function and returns a SecretRotation' {
        $firstRotation | Should -BeOfType ([RotationOps.SecretRotation])
        $firstRotation.VersionId | Should -Not -BeNullOrEmpty
        $firstRotation.PreviousVersionId | Should -Not -Be $firstRotation.VersionId
    }

    It 'changes nothing with -WhatIf' {
        Invoke-SecretRotation -SecretId $secretId -WhatIf | Should -BeNullOrEmpty

        # AWSCURRENT did not move: the next real rotation starts from the first one's version.
        $next = Invoke-SecretRotation -SecretId $secretId
        $next.PreviousVersionId | Should -Be $firstRotation.VersionId
    }
}

Describe 'Test-RotatedSecret' {
    BeforeAll {
        $rotation = Invoke-SecretRotation -SecretId $secretId
    }

    It 'takes a rotation from the pipeline and checks that version' {
        $validation = $rotation | Test-RotatedSecret -RequiredKey username, password
        $validation | Should -BeOfType ([RotationOps.SecretValidation])
        $validation.VersionId | Should -Be $rotation.VersionId
        $validation.Passed | Should -BeTrue -Because ($validation.FailedChecks -join ', ')
    }

    It 'returns only $true with -Quiet' {
        $result = $rotation | Test-RotatedSecret -Quiet
        $result | Should -BeOfType ([bool])
        $result | Should -BeTrue
    }
}

Describe 'Lambda canaries' {
    It 'publishes a canary, promotes it in steps, and records the steps' {
        $deployment = Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Runtime python3.11 -Weight 0.1
        $deployment | Should -BeOfType ([RotationOps.LambdaDeployment])
        $deployment.Status | Should -Be 'Canary'
        $deployment.StableVersion | Should -Not -Be $deployment.CanaryVersion

        $done = $deployment | Set-AliasWeight -Steps 0.5, 1 -BakeTime 00:00:02 -PollInterval 00:00:01
        $done.Status | Should -Be 'Promoted'
        $done.Steps.Weight | Should -Be @(0.1, 0.5, 1)
    }

    It 'refuses a second canary on a routed alias, then undoes the first' {
        $first = Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Description 'pester canary' -Weight 0.2
        { Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Description 'second' -Weight 0.2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'AliasAlreadyRouted*'

        $undo = $first | Undo-Deployment -Confirm:$false
        $undo.Status | Should -Be 'Completed'
        $undo.ToVersion | Should -Be $first.StableVersion
    }

    It 'runs the secret-rotation canary: staged secret, checked, canaried, then both promoted' {
        $before = Test-RotatedSecret -SecretId $secretId
        $done = Invoke-SecretRotation -SecretId $secretId -GeneratePassword -JsonKey password -Pending |
            Test-RotatedSecret -RequiredKey username,password |
            Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Weight 0.1 |
            Set-AliasWeight -Promote
        $done.Status | Should -Be 'Promoted'
        $done.SecretVersionId | Should -Not -Be $before.VersionId
        (Test-RotatedSecret -SecretId $secretId).VersionId | Should -Be $done.SecretVersionId
    }

    It 'changes nothing with -WhatIf' {
        Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Description 'whatif' -Weight 0.2 -WhatIf | Should -BeNullOrEmpty
        { Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Description 'after whatif' -Weight 0.2 -ErrorAction Stop } | Should -Not -Throw
        Undo-Deployment -FunctionName demo-orders-api -AliasName LIVE -Confirm:$false | Out-Null
    }
}
