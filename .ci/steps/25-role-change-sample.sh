#!/usr/bin/env bash
# Smoke test of samples/Crux.Connect.RoleChangeSample (Release): a team's role changes over the in-memory simulator, the plan
# printed first, then applied. Requires exit code 0, the plan's summary line and table header, the drifted member, and the
# line saying every member now holds exactly the new role. .ci/run builds the solution first; run alone, this step builds it.
set -uo pipefail
cd "$(dirname "$0")/../.."

source .ci/lib/run-sample.sh
log="$PWD/artifacts/role-change-sample.log"
problems=()
started=$(date +%s)
run_sample samples/Crux.Connect.RoleChangeSample "$log"
grep -qE '^Permission change plan of .*: 8 users, 8 to change \(16 removals, 16 additions\), 0 already as desired, 0 not planned$' "$log" \
  || problems+=("no plan summary line")
grep -qE '^\| user +\| remove +\| add +\| keep +\|$' "$log" || problems+=("no plan table header")
# The plan is printed before anything is applied.
plan_line=$(grep -n '^Permission change plan of ' "$log" | head -n 1 | cut -d: -f1)
apply_line=$(grep -n '^2\. Applying the reviewed plan$' "$log" | head -n 1 | cut -d: -f1)
[ -n "$plan_line" ] && [ -n "$apply_line" ] && [ "$plan_line" -lt "$apply_line" ] || problems+=("the plan is not printed before it is applied")
grep -qE '^   8 applied, 0 failed, 1 drifted since the plan$' "$log" || problems+=("no '8 applied, 0 failed, 1 drifted since the plan' line")
grep -qxF 'Verified: every team member holds exactly view_org_users, view_order, export_order, view_inventory_lists' "$log" \
  || problems+=("no 'Verified: every team member holds exactly ...' line")
grep -qxF '   again: changed = False, requests sent = 1' "$log" || problems+=("the repeated change was not a single GET")

if [ ${#problems[@]} -gt 0 ]; then
  printf '!! %s\n' "${problems[@]}"
  echo "!! role change sample smoke test failed; output: $log"
  exit 1
fi
echo "role change sample smoke test: ok in $(( $(date +%s) - started ))s"
