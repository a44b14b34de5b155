#!/usr/bin/env bash
# Smoke test of the README's first command: run samples/Crux.Connect.Sample (Release) against its built-in simulator
# and require exit code 0, the line saying the removed permissions were read back as no longer assigned, and the typed
# error of section 7. .ci/run builds the solution first; run alone, this step builds the sample itself.
set -uo pipefail
cd "$(dirname "$0")/../.."

source .ci/lib/run-sample.sh
log="$PWD/artifacts/sample.log"
problems=()
started=$(date +%s)
run_sample samples/Crux.Connect.Sample "$log"
grep -qxF 'Removed: export_order, cancel_order -- verified, no longer assigned' "$log" \
  || problems+=("no 'Removed: export_order, cancel_order -- verified, no longer assigned' line")
grep -qE '^ *\| exception +\| CruxPermissionDeniedException +\|$' "$log" || problems+=("no CruxPermissionDeniedException in section 7")
grep -qE '^ *\| StatusCode +\| 403 Forbidden +\|$' "$log" || problems+=("no 403 in section 7")
# The permissions table after the removal must list both as not assigned.
for name in export_order cancel_order; do
  grep -qE "^ *\| $name +\| [^|]+\| no +\| removed +\|$" "$log" || problems+=("$name not shown as removed")
done

if [ ${#problems[@]} -gt 0 ]; then
  printf '!! %s\n' "${problems[@]}"
  echo "!! sample smoke test failed; output: $log"
  exit 1
fi
echo "sample smoke test: ok in $(( $(date +%s) - started ))s"
