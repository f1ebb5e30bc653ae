#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Everything a user may copy must be real PowerShell that names real commands: every .ps1/.psd1
    in the repository, every PowerShell block in README.md and examples/*.md, and every example in
    the built help parse with PowerShell's own parser, and every RotationOps cmdlet they call binds
    its named parameters (StaticParameterBinder) within one parameter set of the imported module.
#>

BeforeDiscovery {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'DocumentedCode.ps1')
    $sources = @(Get-DocumentedCode -RepositoryRoot $repositoryRoot)
}

BeforeAll {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'DocumentedCode.ps1')
    Import-Module (Join-Path $repositoryRoot 'out/RotationOps/RotationOps.psd1') -Force
    $moduleCommands = @{}
    foreach ($command in Get-Command -Module RotationOps) { $moduleCommands[$command.Name] = $command }
}

AfterAll {
    Remove-Module RotationOps -ErrorAction SilentlyContinue
}

Describe 'Documented PowerShell' {
    It 'finds code in the README, the examples and the help' {
        $sources = @(Get-DocumentedCode -RepositoryRoot $repositoryRoot)
        ($sources | Where-Object Source -Like 'README.md*').Count | Should -BeGreaterThan 3
        ($sources | Where-Object Source -Like 'examples/*.ps1').Count | Should -BeGreaterThan 3
        ($sources | Where-Object Source -Like 'help:*').Count | Should -BeGreaterOrEqual 15 -Because 'every cmdlet has at least three examples'
    }

    It '<Source> parses and calls RotationOps as it exists' -ForEach $sources {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        @($errors | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
        @(Get-CommandUseProblem -Ast $ast -Commands $moduleCommands) | Should -BeNullOrEmpty
    }
}

Describe 'The command-use check' {
    # The check above passes when nothing is wrong; these prove it would notice when something is.
    It 'reports <Case>' -ForEach @(
        @{ Case = 'an unknown parameter'; Code = 'Invoke-SecretRotation -SecretId a -NoSuchThing'; Expected = '*NoSuchThing*' }
        @{ Case = 'parameters from two parameter sets'; Code = 'Invoke-SecretRotation -SecretId a -GeneratePassword -Complete -VersionId v'; Expected = '*no parameter set takes these together*' }
        @{ Case = 'switches that clash'; Code = 'Set-AliasWeight -FunctionName f -AliasName a -Steps 0.5, 1 -Promote'; Expected = '*-Steps -Promote: no parameter set takes these together*' }
        @{ Case = 'a RotationOps-like command that does not exist'; Code = 'Invoke-SecretRotations -SecretId a'; Expected = '*not a RotationOps command*' }
    ) {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $null, [ref] $null)
        Get-CommandUseProblem -Ast $ast -Commands $moduleCommands | Should -BeLike $Expected
    }

    It 'accepts a valid pipeline with comma lists and switches' {
        $code = 'Invoke-SecretRotation -SecretId a -GeneratePassword -JsonKey password -Pending | Test-RotatedSecret -RequiredKey username, password'
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $null, [ref] $null)
        @(Get-CommandUseProblem -Ast $ast -Commands $moduleCommands) | Should -BeNullOrEmpty
    }
}
