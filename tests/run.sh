#!/usr/bin/env bash
# The one test command: builds the solution (which lays out out/RotationOps/), runs every xunit
# project, then the PowerShell parse check and its self-tests. Prints a count per suite and ends
# with one line "N passed, N failed, N skipped". Exits non-zero on any failure, or if no test ran.
#   bash tests/run.sh            CONFIGURATION=Debug bash tests/run.sh
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
results="$root/out/test-results"
rm -rf "$results"
mkdir -p "$results"

suites=()          # "name passed failed skipped", one per suite
failures=()        # names of failed tests, repeated at the end so they are not lost in the log

finish() {
  local passed=0 failed=0 skipped=0 name p f s
  echo
  printf '%-36s %7s %7s %7s\n' suite passed failed skipped
  for line in "${suites[@]}"; do
    read -r name p f s <<<"$line"
    printf '%-36s %7d %7d %7d\n' "$name" "$p" "$f" "$s"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done
  if ((${#failures[@]} > 0)); then
    echo
    echo "Failed:"
    printf '  %s\n' "${failures[@]}"
  fi
  echo
  echo "$passed passed, $failed failed, $skipped skipped"
  if ((failed > 0 || passed == 0)); then exit 1; fi
  exit 0
}

section() { printf '\n=== %s\n' "$1"; }

section "npm ci (tests/parse)"
if [[ ! -d tests/parse/node_modules ]]; then
  if ! (cd tests/parse && npm ci --no-audit --no-fund); then
    suites+=("npm-ci 0 1 0"); failures+=("npm ci in tests/parse"); finish
  fi
else
  echo "node_modules present"
fi

section "dotnet build RotationOps.sln -c $configuration"
if ! dotnet build RotationOps.sln -c "$configuration" --nologo -v quiet -clp:ErrorsOnly; then
  suites+=("build 0 1 0"); failures+=("dotnet build RotationOps.sln"); finish
fi

# One run per test project, so each .trx is named after its project (a solution-wide run names
# them by timestamp only). <Counters> holds the totals, each failed <UnitTestResult> a name.
counter() { sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$counters"; }
mapfile -t test_projects < <(dotnet sln RotationOps.sln list | tr '\\' / | grep -E '^tests/.*\.csproj$')
for project_file in "${test_projects[@]}"; do
  project="$(basename "$project_file" .csproj)"
  section "dotnet test $project"
  dotnet test "$project_file" -c "$configuration" --no-build --nologo \
    --logger "trx;LogFileName=$project.trx" --results-directory "$results" \
    --blame-hang-timeout 10m --blame-hang-dump-type none
  test_exit=$?
  counters="$(grep -so '<Counters [^>]*>' "$results/$project.trx" | head -1)"
  passed="$(counter passed)"; failed="$(counter failed)"; skipped="$(counter notExecuted)"
  if ((test_exit != 0 && ${failed:-0} == 0)); then
    # A crashed or hung test host can leave no failed result behind: still a failure.
    failed=1; failures+=("$project: dotnet test exited $test_exit without a failed test (crash or hang?)")
  fi
  suites+=("$project ${passed:-0} ${failed:-0} ${skipped:-0}")
  while IFS= read -r name; do
    failures+=("$name")
  done < <(grep -so '<UnitTestResult [^>]*outcome="Failed"' "$results/$project.trx" \
    | sed -E 's/.*testName="([^"]*)".*/\1/; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')
done

section "PowerShell parse check (tests/parse)"
node --test tests/parse/test/ > "$results/parse-selftest.tap" 2>&1
selftest_exit=$?
grep -E '^not ok|^# (pass|fail)' "$results/parse-selftest.tap"
passed="$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$results/parse-selftest.tap")"
failed="$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$results/parse-selftest.tap")"
if ((selftest_exit != 0 && ${failed:-0} == 0)); then failed=1; fi
suites+=("parse-check-selftests ${passed:-0} ${failed:-0} 0")
while IFS= read -r name; do failures+=("parse self-test: $name"); done \
  < <(sed -nE 's/^not ok [0-9]+ - (.*)$/\1/p' "$results/parse-selftest.tap")

node tests/parse/check.mjs "$root" > "$results/parse-check.txt" 2>&1
check_exit=$?
# Its closing "N passed, N failed" line goes into the table, so only the total closes this run.
grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$results/parse-check.txt"
counts="$(tail -1 "$results/parse-check.txt")"
passed="$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p' <<<"$counts")"
failed="$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p' <<<"$counts")"
if ((check_exit != 0 && ${failed:-0} == 0)); then failed=1; fi
suites+=("parse-check-repository ${passed:-0} ${failed:-0} 0")
while IFS= read -r name; do failures+=("parse check: $name"); done \
  < <(sed -nE 's/^FAIL (.*)$/\1/p' "$results/parse-check.txt")

finish
