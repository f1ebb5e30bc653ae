#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Everything a user may copy must be real PowerShell that names real commands: every .ps1/.psd1
    in the repository, every PowerShell block in README.md and examples/*.md, the code in the
    about_RotationOps topic, and every example in the built help parse with PowerShell's own
    parser, and every RotationOps cmdlet they call binds its named parameters
    (StaticParameterBinder) within one parameter set of the imported module.
    And Get-Help answers as a user expects: every parameter described, examples with remarks,
    -Online opening the cmdlet's README section, and Get-Help about_RotationOps found.
#>

BeforeDiscovery {
    $repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'DocumentedCode.ps1')
    $sources = @(Get-DocumentedCode -RepositoryRoot $repositoryRoot)
    $cmdletNames = (Import-PowerShellDataFile -Path (Join-Path $repositoryRoot 'RotationOps.psd1')).CmdletsToExport
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
        ($sources | Where-Object Source -Like 'about_RotationOps.help.txt:*').Count | Should -BeGreaterOrEqual 10 -Because 'the about topic shows a command in every section and five examples'
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

Describe 'Get-Help <_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command -Name $name -Module RotationOps
        $help = Get-Help -Name $name -Full
    }

    It 'describes every parameter' {
        # Every parameter the cmdlet binds, so one missing from the help file is caught too.
        $parameters = $command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }
        foreach ($parameter in $parameters) {
            $entry = @($help.parameters.parameter) | Where-Object name -EQ $parameter
            ($entry.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "Get-Help $name -Parameter $parameter should say what it does"
        }
    }

    It 'has a synopsis and at least three examples, each with code and remarks' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Get-Help falls back to the bare syntax as "synopsis" when the help file lacks the command.
        $help.Synopsis | Should -Not -BeLike "$name *-*"
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3 -Because "Get-Help $name -Examples is what users read first"
        foreach ($example in $help.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty -Because "$($example.title) needs code"
            ($example.remarks | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "$($example.title) should say what it does"
        }
    }

    It 'lists its README section, about_RotationOps and the cmdlets it pipes with under RELATED LINKS' {
        $links = @((Get-Help -Name $name -Full).relatedLinks.navigationLink)
        $links[0].linkText | Should -Be 'Online Version:'
        $links[0].uri | Should -Be $command.HelpUri
        $links.linkText | Should -Contain 'about_RotationOps'
        $others = (Get-Command -Module RotationOps -CommandType Cmdlet | Where-Object Name -NE $name).Name
        foreach ($other in $others) { $links.linkText | Should -Contain $other }
        (Get-Help -Name $name -Full | Out-String) | Should -Match 'RELATED LINKS'
    }

    It 'sends -Online to the README section about it' {
        $project = (Import-PowerShellDataFile -Path (Join-Path $repositoryRoot 'RotationOps.psd1')).PrivateData.PSData.ProjectUri
        $command.HelpUri | Should -BeLike "$project/blob/main/README.md#*"
        # GitHub's heading anchors: lower case, punctuation other than - and _ dropped, spaces to -.
        $sections = @{}
        foreach ($heading in Select-String -Path (Join-Path $repositoryRoot 'README.md') -Pattern '^#+\s+(.+)$') {
            $text = $heading.Matches[0].Groups[1].Value
            $sections[($text.ToLowerInvariant() -replace '[^\p{L}\p{Nd}_\- ]', '' -replace ' ', '-')] = $text
        }
        $anchor = ([uri] $command.HelpUri).Fragment.TrimStart('#')
        $sections.Keys | Should -Contain $anchor -Because 'the link must land on a README heading'
        $sections[$anchor] | Should -BeLike "*$name*"
    }

    It 'opens that address in the browser for Get-Help -Online' -Skip:(-not $IsLinux) {
        # Get-Help -Online starts xdg-open on Linux; a stand-in records the address instead.
        $bin = Join-Path ([System.IO.Path]::GetTempPath()) "rotationops-online-$PID"
        $opened = Join-Path $bin 'opened'
        New-Item -ItemType Directory -Path $bin -Force | Out-Null
        Remove-Item -Path $opened -ErrorAction SilentlyContinue
        Set-Content -Path (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`nprintf '%s' `"`$1`" > '$opened'"
        chmod +x (Join-Path $bin 'xdg-open')
        $path = $env:PATH
        try {
            $env:PATH = "$bin$([System.IO.Path]::PathSeparator)$path"
            Get-Help -Name $name -Online
            $deadline = [datetime]::UtcNow.AddSeconds(10)
            while (-not (Test-Path $opened) -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-Content -Raw -Path $opened | Should -Be $command.HelpUri
        } finally {
            $env:PATH = $path
            Remove-Item -Path $bin -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Get-Help about_RotationOps' {
    BeforeAll {
        $topic = Get-Help -Name about_RotationOps
        $lines = @(Get-Content -Path (Join-Path $repositoryRoot 'out/RotationOps/en-US/about_RotationOps.help.txt'))
    }

    It 'is found once the module is imported' {
        $topic.Category | Should -Be 'HelpFile'
        ($topic | Out-String) | Should -Match 'LONG DESCRIPTION'
    }

    It 'is listed by Get-Help about_* with its whole short description' {
        # Get-Help lists an about topic with the first line of SHORT DESCRIPTION only.
        $listed = Get-Help -Name about_Rot* -Category HelpFile | Where-Object Name -EQ about_RotationOps
        $short = $lines[([array]::IndexOf($lines, 'SHORT DESCRIPTION') + 1)].Trim()
        $listed.Synopsis | Should -Be $short
        $lines[([array]::IndexOf($lines, 'SHORT DESCRIPTION') + 2)].Trim() | Should -BeNullOrEmpty -Because 'a second line would be cut from the listing'
    }

    It 'mentions every cmdlet' {
        foreach ($name in $moduleCommands.Keys) { ($topic | Out-String) | Should -Match "\b$name\b" }
    }

    It 'has the about-topic sections and fits 80 columns' {
        foreach ($section in 'TOPIC', 'SHORT DESCRIPTION', 'LONG DESCRIPTION', 'EXAMPLES', 'SEE ALSO') { $lines | Should -Contain $section }
        @($lines | Where-Object Length -GT 80) | Should -BeNullOrEmpty -Because 'Get-Help shows it as written, in consoles 80 columns wide'
    }
}
