#!/usr/bin/env bash
# Runs the benchmark in Release against an in-process Sandbox and prints its figures:
#   bench/run.sh [--quick] [--functions N] [--secrets M]
#   bench/run.sh --soak R     (issue 8: R rotations under random faults, invariants checked after each)
#   bench/run.sh --verdict    (issue 10: the sequential canary verdict against the fixed-threshold gates, simulated)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet run -c Release --project bench/RotationOps.Bench -- "$@"
