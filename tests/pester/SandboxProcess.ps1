# Starts, stops and inspects the RotationOps Sandbox (a local AWS twin) for the Pester scenarios
# and for build.ps1 -Task Demo. Dot-source this file; it defines functions only.

function Get-FreeTcpPort {
    # Port 0 lets the OS pick a free port; it is released at once for the Sandbox to take.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-SandboxProcess {
    <#
    .SYNOPSIS
        Runs `dotnet run --project src/RotationOps.Sandbox -- --port <free>` and waits until it
        prints its AWS_* settings, which are returned in .Settings.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $RepositoryRoot,
        [string] $Configuration = 'Release',
        [string[]] $ExtraArgument = @(),
        [timespan] $Timeout = [timespan]::FromMinutes(3)
    )
    $port = Get-FreeTcpPort
    $log = [System.IO.Path]::GetTempFileName()
    $errorLog = [System.IO.Path]::GetTempFileName()
    $project = Join-Path $RepositoryRoot 'src/RotationOps.Sandbox'
    $built = Join-Path $project "bin/$Configuration/net10.0/RotationOps.Sandbox.dll"
    # Start-Process joins the arguments with spaces, so paths are quoted by hand. The built DLL
    # starts in a second; `dotnet run` first checks the build.
    $arguments = @(if (Test-Path $built) { "`"$built`"" } else { 'run', '--project', "`"$project`"", '-c', $Configuration, '--' })
    $arguments += @('--port', $port) + $ExtraArgument
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError $errorLog
    $sandbox = [pscustomobject]@{ Process = $process; Port = $port; Settings = @{}; Log = $log; ErrorLog = $errorLog }
    $wanted = 'AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'
    $deadline = [datetime]::UtcNow + $Timeout
    while (@($wanted | Where-Object { -not $sandbox.Settings.ContainsKey($_) }).Count -gt 0) {
        if ($process.HasExited -or [datetime]::UtcNow -gt $deadline) {
            $why = if ($process.HasExited) { "exited with $($process.ExitCode)" } else { "printed no settings within $Timeout" }
            $errors = Get-Content -Path $errorLog -Raw
            Stop-SandboxProcess -Sandbox $sandbox
            throw "The Sandbox $why. $errors"
        }
        Start-Sleep -Milliseconds 250
        foreach ($line in Get-Content -Path $log) {
            if ($line -match '^(AWS_[A-Z_]+)=(.+)$') { $sandbox.Settings[$Matches[1]] = $Matches[2] }
        }
    }
    $sandbox
}

function Stop-SandboxProcess {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)
    $process = $Sandbox.Process
    if (-not $process.HasExited) {
        # dotnet run starts the Sandbox as its child, so the whole tree must go.
        if ($process.GetType().GetMethod('Kill', [type[]]@([bool]))) {
            $process.Kill($true)
        } else {
            & taskkill.exe /PID $process.Id /T /F | Out-Null
        }
        $process.WaitForExit(10000) | Out-Null
    }
    Remove-Item -Path $Sandbox.Log, $Sandbox.ErrorLog -ErrorAction SilentlyContinue
}

function Set-ProcessEnvironment {
    <#
    .SYNOPSIS
        Sets environment variables ($null removes one) and returns their previous values, so
        passing the result back restores them.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)] [hashtable] $Values)
    $previous = @{}
    foreach ($name in $Values.Keys) {
        $previous[$name] = [Environment]::GetEnvironmentVariable($name)
        if ($PSCmdlet.ShouldProcess($name, 'Set environment variable')) {
            # PowerShell passes $null to a string parameter as '', which would leave the variable
            # set and empty (an empty AWS_PROFILE breaks the AWS CLI); removing it is what $null means.
            if ($null -eq $Values[$name]) { Remove-Item -Path "Env:$name" -ErrorAction SilentlyContinue }
            else { [Environment]::SetEnvironmentVariable($name, $Values[$name]) }
        }
    }
    $previous
}

function Invoke-SandboxControl {
    <#
    .SYNOPSIS
        Calls the Sandbox's unsigned control surface (/_sandbox/...) at $env:AWS_ENDPOINT_URL: the
        independent read of AWS state the scenarios assert on, and the seeding and faults they set up.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [ValidateSet('GET', 'POST', 'DELETE')] [string] $Method = 'GET',
        [hashtable] $Body
    )
    $uri = "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/_sandbox/$Path"
    $request = @{ Uri = $uri; Method = $Method }
    if ($Body) { $request.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $request.ContentType = 'application/json' }
    # Written from a variable so that a JSON array comes out as its items, ready for Where-Object.
    $reply = Invoke-RestMethod @request
    $reply
}

function Invoke-Aws {
    # The AWS CLI (v2, /usr/bin/aws) against the Sandbox as an independent client; returns its JSON output as objects.
    $output = & /usr/bin/aws --endpoint-url $env:AWS_ENDPOINT_URL --output json @args 2>&1
    if ($LASTEXITCODE -ne 0) { throw "aws $($args -join ' ') failed: $output" }
    if ($output) { ($output -join "`n") | ConvertFrom-Json }
}

function New-SandboxSecret {
    # A secret whose AWSCURRENT holds $Value; returns @{ arn; versionId }.
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Value)
    Invoke-SandboxControl -Path secrets -Method POST -Body @{ name = $Name; secretString = $Value }
}

function New-SandboxFunction {
    # A live function with version 1 Active behind the alias; returns @{ arn }.
    param([Parameter(Mandatory)] [string] $Name, [string] $Runtime = 'python3.8', [string] $AliasName = 'LIVE')
    Invoke-SandboxControl -Path lambda/functions -Method POST -Body @{ name = $Name; runtime = $Runtime; aliasName = $AliasName }
}

function Get-SandboxSecret {
    # The secret's versions with their labels, as AWS holds them (never a value).
    param([Parameter(Mandatory)] [string] $Name)
    (Invoke-SandboxControl -Path state).secrets | Where-Object name -EQ $Name
}

function Get-SandboxStageVersion {
    # The id of the version that holds $Stage, or $null.
    param([Parameter(Mandatory)] [string] $Name, [string] $Stage = 'AWSCURRENT')
    (Get-SandboxSecret -Name $Name).versions | Where-Object { $_.stages -contains $Stage } | ForEach-Object versionId
}

function Get-SandboxAlias {
    # The alias as AWS holds it: functionVersion and additionalVersionWeights.
    param([Parameter(Mandatory)] [string] $FunctionName, [string] $AliasName = 'LIVE')
    $function = Invoke-SandboxControl -Path lambda | Where-Object name -EQ $FunctionName
    $function.aliases | Where-Object name -EQ $AliasName
}

function Enter-SandboxSession {
    <#
    .SYNOPSIS
        What a scenario file needs before its first test: a Sandbox process (seeded with the demo
        unless -Empty), the AWS_* variables pointing at it, a journal folder of its own
        (ROTATIONOPS_HOME) and the built module imported. Pass the result to Exit-SandboxSession.
    #>
    param([Parameter(Mandatory)] [string] $RepositoryRoot, [switch] $Empty)
    $sandbox = Start-SandboxProcess -RepositoryRoot $RepositoryRoot -ExtraArgument $(if ($Empty) { @() } else { @('--seed-demo') })
    $journalHome = Join-Path ([System.IO.Path]::GetTempPath()) "rotationops-pester-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    New-Item -ItemType Directory -Path $journalHome | Out-Null
    $values = $sandbox.Settings.Clone()
    $values['ROTATIONOPS_HOME'] = $journalHome
    $previous = Set-ProcessEnvironment -Values $values
    Import-Module (Join-Path $RepositoryRoot 'out/RotationOps/RotationOps.psd1') -Force
    [pscustomobject]@{
        Sandbox     = $sandbox
        Previous    = $previous
        JournalHome = $journalHome
        Journal     = Join-Path $journalHome 'journal.jsonl'
        Module      = Join-Path $RepositoryRoot 'out/RotationOps/RotationOps.psd1'
    }
}

function Exit-SandboxSession {
    param($Session)
    if (-not $Session) { return }
    Remove-Module RotationOps -ErrorAction SilentlyContinue
    Set-ProcessEnvironment -Values $Session.Previous | Out-Null
    Stop-SandboxProcess -Sandbox $Session.Sandbox
    Remove-Item -Recurse -Force $Session.JournalHome -ErrorAction SilentlyContinue
}

function Read-JournalFile {
    # Every journal line, oldest first. A writer holds the file exclusively while it appends, so a
    # read that meets one waits it out.
    param([Parameter(Mandatory)] [string] $Path)
    for ($attempt = 1; ; $attempt++) {
        try { return @(Get-Content -Path $Path -ErrorAction Stop | ConvertFrom-Json) }
        catch [System.IO.IOException] { if ($attempt -ge 100) { throw } ; Start-Sleep -Milliseconds 50 }
    }
}

function Get-JournalEntry {
    # The journal's lines for one deployment or rotation, oldest first.
    param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [string] $DeploymentId)
    Read-JournalFile -Path $Session.Journal | Where-Object DeploymentId -EQ $DeploymentId
}

function Get-PwshCommand {
    # The real PowerShell process as a command line: under the dotnet tool, `dotnet pwsh.dll`, not
    # the launcher that forks it (exit codes and kills must reach the process that runs the script).
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    if (Test-Path $pwshDll) { @((Get-Command dotnet).Source, $pwshDll) } else { @((Get-Process -Id $PID).Path) }
}

function Invoke-WithModulePath {
    # Runs $Script with the built module on PSModulePath, as an installed module would be, so a
    # child PowerShell finds it without an Import-Module.
    param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [scriptblock] $Script)
    $modulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path (Split-Path $Session.Module)) + [System.IO.Path]::PathSeparator + $modulePath
    try { & $Script } finally { $env:PSModulePath = $modulePath }
}

function Start-PwshScript {
    # A script in a PowerShell process of its own, running in the background; returns the process.
    param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [string] $Path)
    $pwsh = Get-PwshCommand
    Invoke-WithModulePath -Session $Session {
        Start-Process -FilePath $pwsh[0] -ArgumentList (@($pwsh | Select-Object -Skip 1) + '-NonInteractive', '-NoProfile', '-File', "`"$Path`"") -PassThru
    }
}
