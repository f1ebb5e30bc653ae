@{
    RootModule             = 'RotationOps.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'a17a73b3-7f67-4f76-937a-e1522f8e8913'
    Author                 = 'RotationOps contributors'
    CompanyName            = 'RotationOps'
    Copyright              = '(c) RotationOps contributors. All rights reserved.'
    Description            = 'Zero-downtime AWS Secrets Manager rotations, Lambda canary rollouts and rollbacks as PowerShell runbooks.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    # The netstandard2.0 dependencies (System.Text.Json and friends) need .NET Framework 4.6.2 on Windows PowerShell.
    DotNetFrameworkVersion = '4.6.2'
    FormatsToProcess       = @('RotationOps.format.ps1xml')

    # Explicit lists, never '*': PowerShell then knows the commands without loading the assembly.
    CmdletsToExport        = @(
        'Invoke-SecretRotation'
        'Test-RotatedSecret'
        'Publish-LambdaCanary'
        'Set-AliasWeight'
        'Undo-Deployment'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()

    PrivateData            = @{
        PSData = @{
            # The project site; each cmdlet's HelpUri (Get-Help -Online) is a section of its README (src/RotationOps/Commands/HelpLinks.cs).
            ProjectUri   = 'https://github.com/rotationops/rotationops'
            LicenseUri   = 'https://github.com/rotationops/rotationops/blob/main/LICENSE'
            Tags         = @('AWS', 'SecretsManager', 'Lambda', 'Rotation', 'Canary', 'Deployment', 'Runbook', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = '0.1.0: Invoke-SecretRotation, Test-RotatedSecret, Publish-LambdaCanary, Set-AliasWeight and Undo-Deployment: -WhatIf/-Confirm plans, a journal (file or shared DynamoDB table) that resumes interrupted runs, read-back after lost answers, CloudWatch and script gates with automatic rollback, tab completion from AWS, dependencies isolated from AWS.Tools, and a local AWS Sandbox for rehearsals.'
        }
    }
}
