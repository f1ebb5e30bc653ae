#!/usr/bin/env bash
# Runs the benchmark in Release against an in-process Sandbox and prints its figures:
#   bench/run.sh [--quick] [--functions N] [--secrets M]
#   bench/run.sh --soak R     (issue 8: R rotations under random faults, invariants checked after each)
#   bench/run.sh --verdict [--verdict-canaries C]
#                             (issue 10: the sequential canary verdict against the fixed-threshold gates, simulated,
#                              and C canaries a case baked by the module's engines on the Sandbox)
#   bench/run.sh --fleet-rotation [-Count 200,1000] [-ThrottleLimit 8] [-Mode pipeline,sequential] [-CliCount 5]
#                             [-BaselineModule <psd1>]
#                             (issue 10: the built module against a Sandbox process with AWS's quotas,
#                              pipeline vs sequential cmdlet vs AWS CLI loop; see bench/FleetRotation.ps1)
#   bench/run.sh --import [-Runs 10]
#                             (issue 10: a fresh pwsh importing the module and making its first AWS call,
#                              beside one AWS CLI call; see bench/ImportAndFirstCall.ps1)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ "${1:-}" == "--fleet-rotation" ]]; then
    shift
    # Lays out the module in out/RotationOps and builds the Sandbox the script starts.
    dotnet build RotationOps.sln -c Release --nologo -v quiet -clp:ErrorsOnly
    exec dotnet pwsh -NoProfile -NonInteractive -File bench/FleetRotation.ps1 "$@"
fi
if [[ "${1:-}" == "--import" ]]; then
    shift
    dotnet build RotationOps.sln -c Release --nologo -v quiet -clp:ErrorsOnly
    exec dotnet pwsh -NoProfile -NonInteractive -File bench/ImportAndFirstCall.ps1 "$@"
fi
exec dotnet run -c Release --project bench/RotationOps.Bench -- "$@"
