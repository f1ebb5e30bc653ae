#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 002's manual API-key rotation: the operator pastes the new key (never echoed, never in
    history), it is staged, the health endpoint is called with it, and only then does it go live.
.PARAMETER NewKey
    The new key. Left out, PowerShell prompts for it with masked input.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $SecretId,
    [Parameter(Mandatory)] [uri] $HealthUrl,
    [Parameter(Mandatory, HelpMessage = 'The new API key (input is masked)')] [securestring] $NewKey
)

Invoke-SecretRotation -SecretId $SecretId -NewValue $NewKey -JsonKey api_key -TestScript {
    param($Secret)
    $plain = [System.Net.NetworkCredential]::new('', $Secret.Value).Password
    $json = $plain | ConvertFrom-Json
    $response = Invoke-WebRequest -Uri $HealthUrl -Headers @{ Authorization = "Bearer $($json.api_key)" } -UseBasicParsing
    $response.StatusCode -eq 200
} | Test-RotatedSecret -RequiredKey api_key -ExcludeCheck RotationEnabled, RotationFunctionConfigured
