# What Documentation.Tests.ps1 checks: where documented PowerShell is found, and how a use of a
# RotationOps cmdlet is judged. Dot-source this file; it defines functions only.

function Get-DocumentedCode {
    <#
    .SYNOPSIS
        Every piece of PowerShell a user may read or copy, as @{ Source; Code } hashtables:
        repository .ps1/.psd1/.psm1 files, ```powershell blocks in README.md and examples/*.md,
        the code in the about_*.help.txt topics, and the <dev:code> examples of the built MAML help.
    #>
    param([Parameter(Mandatory)] [string] $RepositoryRoot)
    $skipped = '[\\/](\.git|out|bin|obj|node_modules|TestResults)[\\/]'
    # The bad-input catalogue calls the cmdlets wrongly on purpose (clashing parameters included);
    # its own assertions prove each call reaches the cmdlet's refusal.
    $catalogue = 'BadInput.Tests.ps1'
    Get-ChildItem -Path $RepositoryRoot -Recurse -File -Include '*.ps1', '*.psd1', '*.psm1' |
        Where-Object { $_.FullName.Substring($RepositoryRoot.Length) -notmatch $skipped -and $_.Name -ne $catalogue } |
        Sort-Object FullName |
        ForEach-Object {
            @{ Source = $_.FullName.Substring($RepositoryRoot.Length + 1).Replace('\', '/'); Code = Get-Content -Raw -Path $_.FullName }
        }

    $markdown = @(Join-Path $RepositoryRoot 'README.md') + @(Get-ChildItem -Path (Join-Path $RepositoryRoot 'examples') -Filter '*.md' | ForEach-Object FullName)
    foreach ($file in $markdown) {
        $relative = $file.Substring($RepositoryRoot.Length + 1).Replace('\', '/')
        $lines = Get-Content -Path $file
        $start = -1
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($start -lt 0 -and $lines[$i] -match '^\s*```\s*(powershell|pwsh|ps1)\s*$') { $start = $i + 1 }
            elseif ($start -ge 0 -and $lines[$i] -match '^\s*```\s*$') {
                @{ Source = "${relative}:$($start + 1)"; Code = ($lines[$start..($i - 1)] -join "`n") }
                $start = -1
            }
        }
    }

    # About topics have no fences: prose is indented four spaces, code eight. A piece of code starts
    # at an 8-space line after a blank one and runs to the next line indented less; the blank line
    # keeps the wrapped lines of an indented list out.
    foreach ($topic in Get-ChildItem -Path (Join-Path $RepositoryRoot 'src/RotationOps/en-US') -Filter 'about_*.help.txt') {
        $lines = @(Get-Content -Path $topic.FullName)
        $start = -1
        for ($i = 0; $i -le $lines.Count; $i++) {
            $line = if ($i -lt $lines.Count) { $lines[$i] } else { '' }
            if ($start -ge 0 -and $line -notmatch '^ {8}') {
                @{ Source = "$($topic.Name):$($start + 1)"; Code = (($lines[$start..($i - 1)] | ForEach-Object Substring 8) -join "`n") }
                $start = -1
            }
            if ($start -lt 0 -and $line -match '^ {8}\S' -and $i -gt 0 -and $lines[$i - 1].Trim() -eq '') { $start = $i }
        }
    }

    $helpFile = Join-Path $RepositoryRoot 'out/RotationOps/en-US/RotationOps.dll-Help.xml'
    if (Test-Path $helpFile) {
        [xml] $help = Get-Content -Raw -Path $helpFile
        foreach ($command in $help.helpItems.command) {
            $number = 0
            foreach ($example in @($command.examples.example)) {
                if (-not $example) { continue }
                $number++
                @{ Source = "help: $($command.details.name) example $number"; Code = $example.code }
            }
        }
    }
}

function Get-CommandUseProblem {
    <#
    .SYNOPSIS
        One line per problem with the RotationOps commands an AST calls: a misspelt command, a
        parameter the cmdlet lacks, or named parameters that no single parameter set takes.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.Language.Ast] $Ast,
        # Name -> CommandInfo of the imported module's commands.
        [Parameter(Mandatory)] [hashtable] $Commands
    )
    $nouns = @($Commands.Values | ForEach-Object Noun)
    $uses = $Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($use in $uses) {
        $name = $use.GetCommandName()
        if (-not $name) { continue }
        $where = "line $($use.Extent.StartLineNumber)"
        $command = $Commands[$name]
        if (-not $command) {
            $noun = ($name -split '-', 2)[-1]
            if ($nouns | Where-Object { $noun -ne $_ -and $noun -like "*$_*" }) { "${where}: $name is not a RotationOps command" }
            continue
        }
        # A splatted hashtable hides which parameters are bound, so only the command name is judged.
        $splatted = $use.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.VariableExpressionAst] -and $_.Splatted }
        if ($splatted) { continue }
        # PowerShell's own binder: unknown or ambiguous parameters, and named parameters that no
        # single parameter set takes together.
        $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($use, $true)
        foreach ($problem in $binding.BindingExceptions.GetEnumerator()) {
            "${where}: $name -$($problem.Key): $($problem.Value.BindingException.Message)"
        }
        # Parameters that clash still bind, through hidden (DontShow) set memberships, so the
        # cmdlet can say why; documented code must fit one parameter set as help shows it.
        $bound = @($binding.BoundParameters.Keys)
        if ($bound.Count -gt 0 -and -not (Test-ShownTogether -Command $command -Parameter $bound)) {
            "${where}: $name -$($bound -join ' -'): no parameter set takes these together as documented"
        }
    }
}

function Test-ShownTogether {
    <#
    .SYNOPSIS
        Whether one of the command's parameter sets shows (not hidden by DontShow) every one of
        the parameters.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command,
        [Parameter(Mandatory)] [string[]] $Parameter
    )
    $setNames = @($Command.ParameterSets | ForEach-Object Name)
    foreach ($set in $setNames) {
        $shown = $Parameter | Where-Object {
            $_ -in [System.Management.Automation.Cmdlet]::CommonParameters -or
            $_ -in [System.Management.Automation.Cmdlet]::OptionalCommonParameters -or
            @($Command.Parameters[$_].Attributes | Where-Object {
                $_ -is [System.Management.Automation.ParameterAttribute] -and -not $_.DontShow -and
                ($_.ParameterSetName -eq $set -or $_.ParameterSetName -eq '__AllParameterSets')
            }).Count -gt 0
        }
        if (@($shown).Count -eq $Parameter.Count) { return $true }
    }
    return $false
}
