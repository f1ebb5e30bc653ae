#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    The cmdlets as users drive them against a Sandbox process: every parameter set, objects shaped
    like AWS.Tools output, -WhatIf and -Confirm, error records and error actions, a fleet with one
    bad item. AWS state is asserted through the Sandbox's inspection surface, not the cmdlets' output.
#>

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'SandboxProcess.ps1')
    $session = Enter-SandboxSession -RepositoryRoot $repositoryRoot -Empty
    $rotationArn = (Invoke-SandboxControl -Path rotation-functions -Method POST -Body @{ name = 'pipeline-rotation' }).arn
    $fast = @{ BakeTime = '00:00:02'; PollInterval = '00:00:01' }

    function New-TestSecret([string] $Name) {
        New-SandboxSecret -Name $Name -Value '{"username":"app","password":"initial-Pw-0001"}' | Out-Null
        $Name
    }
    function Get-VersionCount([string] $Name) { @((Get-SandboxSecret -Name $Name).versions).Count }
}

AfterAll {
    Exit-SandboxSession $session
}

Describe 'Invoke-SecretRotation parameter sets' {
    It 'Service: configures the function and schedule, rotates, and AWS holds the reported versions' {
        $secret = New-TestSecret 'pipe/service'
        $before = Get-SandboxStageVersion -Name $secret

        $rotation = Invoke-SecretRotation -SecretId $secret -RotationLambdaArn $rotationArn -AutomaticallyAfterDays 30

        $rotation.Status | Should -Be 'Completed'
        $rotation.Mode | Should -Be 'Service'
        Get-SandboxStageVersion -Name $secret | Should -Be $rotation.VersionId
        Get-SandboxStageVersion -Name $secret -Stage AWSPREVIOUS | Should -Be $before
        $rotation.PreviousVersionId | Should -Be $before
        $state = Get-SandboxSecret -Name $secret
        $state.rotationEnabled | Should -BeTrue
        $state.rotationLambdaArn | Should -Be $rotationArn
    }

    It 'ManualValue: a SecureString for one JSON key' {
        $secret = New-TestSecret 'pipe/manual-securestring'
        $key = ConvertTo-SecureString 'Manual-Value-0042' -AsPlainText -Force
        $rotation = Invoke-SecretRotation -SecretId $secret -NewValue $key -JsonKey password
        $rotation.Mode | Should -Be 'Manual'
        { $rotation.VersionId = 'another' } | Should -Throw -ExpectedMessage '*ReadOnly*'
        Get-SandboxStageVersion -Name $secret | Should -Be $rotation.VersionId
        Get-VersionCount $secret | Should -Be 2
    }

    It 'ManualValue: a PSCredential becomes the username and password keys' {
        $secret = New-TestSecret 'pipe/manual-credential'
        $credential = [pscredential]::new('app2', (ConvertTo-SecureString 'Cred-Value-0043' -AsPlainText -Force))
        $rotation = Invoke-SecretRotation -SecretId $secret -NewValue $credential
        Get-SandboxStageVersion -Name $secret | Should -Be $rotation.VersionId
        ($rotation | Test-RotatedSecret -RequiredKey username, password -ExcludeCheck RotationEnabled, RotationFunctionConfigured, NotOverdue).Passed | Should -BeTrue
    }

    It 'ManualGenerate with -Pending, then Complete from the pipeline' {
        $secret = New-TestSecret 'pipe/pending'
        $current = Get-SandboxStageVersion -Name $secret

        $pending = Invoke-SecretRotation -SecretId $secret -GeneratePassword -PasswordLength 24 -JsonKey password -Pending
        $pending.Status | Should -Be 'Pending'
        Get-SandboxStageVersion -Name $secret -Stage AWSPENDING | Should -Be $pending.VersionId
        Get-SandboxStageVersion -Name $secret | Should -Be $current

        $done = $pending | Invoke-SecretRotation -Complete
        $done.Status | Should -Be 'Completed'
        Get-SandboxStageVersion -Name $secret | Should -Be $pending.VersionId
        Get-SandboxStageVersion -Name $secret -Stage AWSPENDING | Should -BeNullOrEmpty
    }
}

Describe 'Objects from other tools bind by property name' {
    It 'binds secret list entries shaped like Get-SECSecretList output (ARN and Name)' {
        $secret = New-TestSecret 'pipe/awstools-secret'
        $arn = (Get-SandboxSecret -Name $secret).arn
        $entry = [pscustomobject]@{ ARN = $arn; Name = $secret; Description = $null; RotationEnabled = $false }

        $validation = $entry | Test-RotatedSecret -ExcludeCheck RotationEnabled, RotationFunctionConfigured, NotOverdue, PreviousKept, ValueChanged
        $validation.SecretId | Should -Be $arn
        $validation.Passed | Should -BeTrue
    }

    It 'binds function objects shaped like Get-LMFunctionList output into a canary' {
        New-SandboxFunction -Name pipe-awstools-a | Out-Null
        New-SandboxFunction -Name pipe-awstools-b | Out-Null
        $functions = 'pipe-awstools-a', 'pipe-awstools-b' | ForEach-Object {
            [pscustomobject]@{ FunctionName = $_; FunctionArn = "arn:aws:lambda:$($env:AWS_REGION):123456789012:function:$_"; Runtime = 'python3.8'; Version = '$LATEST' }
        }

        $deployments = $functions | Where-Object Runtime -EQ 'python3.8' |
            Publish-LambdaCanary -AliasName LIVE -Runtime python3.11 -Weight 0.1

        @($deployments).Count | Should -Be 2
        foreach ($deployment in $deployments) {
            $alias = Get-SandboxAlias -FunctionName $deployment.FunctionName
            $alias.functionVersion | Should -Be '1'
            $alias.additionalVersionWeights.($deployment.CanaryVersion) | Should -Be 0.1
        }
    }
}

Describe 'Lambda parameter sets' {
    BeforeAll {
        New-SandboxFunction -Name pipe-sets | Out-Null
    }

    It 'Set-AliasWeight -Weight, then -Promote, and Undo-Deployment by alias' {
        $canary = Publish-LambdaCanary -FunctionName pipe-sets -AliasName LIVE -Description 'sets one' -Weight 0.1
        $moved = Set-AliasWeight -FunctionName pipe-sets -AliasName LIVE -Weight 0.4 @fast
        $moved.Weight | Should -Be 0.4
        (Get-SandboxAlias -FunctionName pipe-sets).additionalVersionWeights.($canary.CanaryVersion) | Should -Be 0.4

        $promoted = Set-AliasWeight -FunctionName pipe-sets -AliasName LIVE -Promote
        $promoted.Status | Should -Be 'Promoted'
        # Output is a record of what happened, not a handle on it: it cannot be edited and re-piped.
        { $promoted.Status = 'RolledBack' } | Should -Throw -ExpectedMessage '*ReadOnly*'
        { $canary.Weight = 0.9 } | Should -Throw -ExpectedMessage '*ReadOnly*'
        $alias = Get-SandboxAlias -FunctionName pipe-sets
        $alias.functionVersion | Should -Be $canary.CanaryVersion
        @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0

        $undo = Undo-Deployment -FunctionName pipe-sets -AliasName LIVE -ToVersion $canary.StableVersion -Confirm:$false
        $undo.ToVersion | Should -Be $canary.StableVersion
        $undo.Kind | Should -Be ([RotationOps.RollbackKind]::Alias)
        $undo.Status -eq 'Completed' | Should -BeTrue -Because 'scripts compare the status enum by name'
        (Get-SandboxAlias -FunctionName pipe-sets).functionVersion | Should -Be $canary.StableVersion
    }

    It 'Publish-LambdaCanary -Version canaries an existing version; Undo-Deployment -DeploymentId takes it back' {
        $stable = (Get-SandboxAlias -FunctionName pipe-sets).functionVersion
        $other = (Invoke-SandboxControl -Path lambda | Where-Object name -EQ pipe-sets).versions.version |
            Where-Object { $_ -ne '$LATEST' -and $_ -ne $stable } | Select-Object -First 1

        $canary = Publish-LambdaCanary -FunctionName pipe-sets -AliasName LIVE -Version $other -Weight 0.2
        $canary.CanaryVersion | Should -Be $other
        (Get-SandboxAlias -FunctionName pipe-sets).additionalVersionWeights.$other | Should -Be 0.2

        Undo-Deployment -DeploymentId $canary.DeploymentId -Confirm:$false | Out-Null
        $alias = Get-SandboxAlias -FunctionName pipe-sets
        $alias.functionVersion | Should -Be $stable
        @($alias.additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }

    It 'Undo-Deployment -SecretId -ToVersionId moves AWSCURRENT back' {
        $secret = New-TestSecret 'pipe/undo-secret'
        $first = Get-SandboxStageVersion -Name $secret
        $rotation = Invoke-SecretRotation -SecretId $secret -GeneratePassword -JsonKey password

        $undo = Undo-Deployment -SecretId $secret -ToVersionId $first -Confirm:$false
        $undo.Status | Should -Be 'Completed'
        Get-SandboxStageVersion -Name $secret | Should -Be $first
        Get-SandboxStageVersion -Name $secret -Stage AWSPREVIOUS | Should -Be $rotation.VersionId
    }
}

Describe '-WhatIf and -Confirm' {
    It 'Invoke-SecretRotation -WhatIf changes nothing in AWS' {
        $secret = New-TestSecret 'pipe/whatif'
        $before = Get-SandboxSecret -Name $secret | ConvertTo-Json -Depth 5

        Invoke-SecretRotation -SecretId $secret -GeneratePassword -JsonKey password -WhatIf | Should -BeNullOrEmpty
        Invoke-SecretRotation -SecretId $secret -RotationLambdaArn $rotationArn -AutomaticallyAfterDays 7 -WhatIf | Should -BeNullOrEmpty

        Get-SandboxSecret -Name $secret | ConvertTo-Json -Depth 5 | Should -Be $before
    }

    It 'Publish-LambdaCanary -WhatIf publishes nothing and leaves the alias alone' {
        New-SandboxFunction -Name pipe-whatif | Out-Null
        $before = Invoke-SandboxControl -Path lambda | Where-Object name -EQ pipe-whatif | ConvertTo-Json -Depth 6

        Publish-LambdaCanary -FunctionName pipe-whatif -AliasName LIVE -Runtime python3.11 -Weight 0.2 -WhatIf | Should -BeNullOrEmpty

        Invoke-SandboxControl -Path lambda | Where-Object name -EQ pipe-whatif | ConvertTo-Json -Depth 6 | Should -Be $before
    }

    It 'Undo-Deployment (ConfirmImpact High) runs unattended with -Confirm:$false' {
        New-SandboxFunction -Name pipe-confirm | Out-Null
        Publish-LambdaCanary -FunctionName pipe-confirm -AliasName LIVE -Description 'confirm' -Weight 0.1 | Out-Null
        $undo = Undo-Deployment -FunctionName pipe-confirm -AliasName LIVE -Confirm:$false
        $undo.Status | Should -Be 'Completed'
        @((Get-SandboxAlias -FunctionName pipe-confirm).additionalVersionWeights.PSObject.Properties).Count | Should -Be 0
    }
}

Describe 'Errors as scripts handle them' {
    It '-ErrorAction Stop throws the stable id and category' {
        $caught = $null
        try { Invoke-SecretRotation -SecretId pipe/missing -GeneratePassword -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'SecretNotFound,RotationOps.Commands.InvokeSecretRotationCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-ErrorAction SilentlyContinue with -ErrorVariable collects the error and writes nothing' {
        $result = Invoke-SecretRotation -SecretId pipe/missing -GeneratePassword -ErrorAction SilentlyContinue -ErrorVariable failures
        $result | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotFound,*'
    }

    It 'refuses bad input before any AWS change, naming the parameter' {
        $secret = New-TestSecret 'pipe/bad-input'
        $caught = $null
        try { Invoke-SecretRotation -SecretId $secret -NewValue 'plain text' -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -BeLike '*NewValue*'
        Get-VersionCount $secret | Should -Be 1
    }

    It 'one bad secret in a fleet does not stop the others' {
        $good = 'pipe/fleet-a', 'pipe/fleet-b' | ForEach-Object { New-TestSecret $_ }
        $results = 'pipe/fleet-a', 'pipe/fleet-missing', 'pipe/fleet-b' |
            Invoke-SecretRotation -GeneratePassword -JsonKey password -ErrorAction SilentlyContinue -ErrorVariable failures

        @($results).Count | Should -Be 2
        @($results.Name | Sort-Object) | Should -Be @($good | Sort-Object)
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'pipe/fleet-missing'
        foreach ($name in $good) { Get-VersionCount $name | Should -Be 2 }
    }
}
