#!/usr/bin/env bash
# Smoke test of samples/Crux.Connect.RoleChangeSample (Release): a team's role changes over the in-memory simulator, the plan
# made first (reads only), then applied. Requires exit code 0 and, in the JSON the sample writes (CRUX_SAMPLE_RESULT,
# .ci/lib/run-sample.sh): the plan's counts, nothing changed before it was applied, every change applied with the one member
# changed by hand seen as drifted, every member read back with exactly the new role, and a repeated change costing one GET.
# .ci/run builds the solution first; run alone, this step builds it.
set -uo pipefail
cd "$(dirname "$0")/../.."

source .ci/lib/run-sample.sh
log="$PWD/artifacts/role-change-sample.log"
problems=()
started=$(date +%s)
run_sample samples/Crux.Connect.RoleChangeSample "$log"
expect_json '.plan | .users == 8 and .toChange == 8 and .removals == 16 and .additions == 16 and .alreadyAsDesired == 0 and .notPlanned == 0' \
  "the plan is not 8 users, 8 to change (16 removals, 16 additions), 0 already as desired, 0 not planned"
# The plan is made before anything is applied: reads (at least one per member, and the catalog), nothing removed or added.
expect_json '.plan | .requestsBeforeApply.GET >= .users and .requestsBeforeApply.DELETE == 0 and .requestsBeforeApply.PATCH == 0' \
  "the plan was not made by reads alone before it was applied"
expect_json '.applied | .succeeded == 8 and .failed == 0 and .drifted == 1' "not '8 applied, 0 failed, 1 drifted since the plan'"
expect_json '.applied.driftedUsers == [.applied.changedByHand]' "the drifted member is not the one changed by hand"
expect_json '(.final | length) == 8 and ([.final[].permissions] | unique) == [["export_order", "view_inventory_lists", "view_order", "view_org_users"]]' \
  "not every team member reads back with exactly view_org_users, view_order, export_order, view_inventory_lists"
expect_json '.verified == true' "the sample did not verify the final permissions"
expect_json '.promoted.changed == true' "promoting the first member back changed nothing"
expect_json '.again == {"changed": false, "requestsSent": 1}' "the repeated change was not a single GET that changed nothing"

if [ ${#problems[@]} -gt 0 ]; then
  printf '!! %s\n' "${problems[@]}"
  echo "!! role change sample smoke test failed; output: $log, result: $sample_result"
  exit 1
fi
echo "role change sample smoke test: ok in $(( $(date +%s) - started ))s"
