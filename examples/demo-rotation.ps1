#Requires -Version 5.1
<#
.SYNOPSIS
    The README's first command runs this against the RotationOps Sandbox: a service rotation,
    its verification, a manual rotation staged, tested and promoted, and a Lambda canary
    promoted in steps and another one undone.
.DESCRIPTION
    Expects AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION to point at
    a Sandbox started with --seed-demo (build.ps1 -Task Demo does that), which holds the secret
    demo/orders/db, the rotation function demo-orders-rotation and the function demo-orders-api
    behind alias LIVE.
#>
[CmdletBinding()]
param(
    [string] $SecretId = 'demo/orders/db',
    [string] $RotationFunction = 'demo-orders-rotation'
)
$ErrorActionPreference = 'Stop'

$functionArn = "arn:aws:lambda:$($env:AWS_REGION):123456789012:function:$RotationFunction"

Write-Host "`n== 1. What would a rotation do? (-WhatIf changes nothing)" -ForegroundColor Cyan
Invoke-SecretRotation -SecretId $SecretId -RotationLambdaArn $functionArn -AutomaticallyAfterDays 30 -WhatIf

Write-Host "`n== 2. Enable rotation every 30 days, rotate now through the rotation function, verify" -ForegroundColor Cyan
$rotation = Invoke-SecretRotation -SecretId $SecretId -RotationLambdaArn $functionArn -AutomaticallyAfterDays 30
$rotation | Format-Table
$rotation | Test-RotatedSecret -RequiredKey username, password | Select-Object -ExpandProperty Checks | Format-Table -Wrap

Write-Host "`n== 3. Manual rotation of one JSON key with a generated password, tested before it goes live" -ForegroundColor Cyan
$manual = Invoke-SecretRotation -SecretId $SecretId -GeneratePassword -PasswordLength 40 -JsonKey password -TestScript {
    param($Secret)
    # A real runbook would log in to the database here with $Secret.Credential.
    $Secret.Credential.UserName -eq 'orders_app'
}
$manual | Format-Table

Write-Host "`n== 4. Stage a value for a canary (-Pending), then promote it (-Complete)" -ForegroundColor Cyan
$pending = Invoke-SecretRotation -SecretId $SecretId -GeneratePassword -JsonKey password -Pending
$pending | Format-Table
$pending | Invoke-SecretRotation -Complete | Format-Table

Write-Host "`n== 5. Is everything healthy?" -ForegroundColor Cyan
if (Test-RotatedSecret -SecretId $SecretId -RequiredKey username, password -Quiet) {
    Write-Host 'All checks passed.' -ForegroundColor Green
} else {
    throw "Secret $SecretId failed validation."
}

Write-Host "`n== 6. Canary a runtime upgrade of the consumer function, then shift and promote" -ForegroundColor Cyan
$deployment = Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Runtime python3.11 -Weight 0.1 `
    -Environment @{ LOG_LEVEL = 'WARN' } -PreTrafficPayload '{"healthcheck":true}'
$deployment | Format-Table
$deployment.Changes
# Short bakes for the demo; production runbooks bake for minutes and gate on metrics and alarms.
$deployment | Set-AliasWeight -Steps 0.5, 1 -BakeTime 00:00:05 -PollInterval 00:00:01 -HealthScript { param($d) $d.CanaryVersion -ne $d.StableVersion } |
    Format-Table

Write-Host "`n== 7. Start another canary and undo it (the emergency rollback)" -ForegroundColor Cyan
Publish-LambdaCanary -FunctionName demo-orders-api -AliasName LIVE -Description 'will be rolled back' -Weight 0.2 | Format-Table
Undo-Deployment -FunctionName demo-orders-api -AliasName LIVE -Confirm:$false | Format-Table
