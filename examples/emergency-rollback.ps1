#Requires -Version 5.1
<#
.SYNOPSIS
    Seed 000 "emergency rollback": put an alias back on its stable version (routing cleared), or a
    secret back on its previous version, with the journal recording who did it.
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Alias')] [string] $FunctionName,
    [Parameter(ParameterSetName = 'Alias')] [string] $AliasName = 'LIVE',
    [Parameter(ParameterSetName = 'Alias')] [string] $ToVersion,
    [Parameter(Mandatory, ParameterSetName = 'Journal')] [string] $DeploymentId,
    [switch] $Force
)

if ($PSCmdlet.ParameterSetName -eq 'Journal') {
    Undo-Deployment -DeploymentId $DeploymentId -Force:$Force
} elseif ($ToVersion) {
    Undo-Deployment -FunctionName $FunctionName -AliasName $AliasName -ToVersion $ToVersion -Force:$Force
} else {
    Undo-Deployment -FunctionName $FunctionName -AliasName $AliasName -Force:$Force
}
