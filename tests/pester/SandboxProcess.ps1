# Starts and stops the RotationOps Sandbox (a local AWS twin) for the Pester scenarios and for
# build.ps1 -Task Demo. Dot-source this file; it defines functions only.

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
    # Start-Process joins the arguments with spaces, so the path is quoted by hand.
    $arguments = @('run', '--project', "`"$project`"", '-c', $Configuration, '--', '--port', $port) + $ExtraArgument
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
            [Environment]::SetEnvironmentVariable($name, $Values[$name])
        }
    }
    $previous
}
