#!/usr/bin/env bash
# Smoke test of the README's first command: run samples/Crux.Connect.Sample (Release) against its built-in simulator
# and require exit code 0 and, in the JSON it writes (CRUX_SAMPLE_RESULT, .ci/lib/run-sample.sh), the removed permissions
# read back as no longer assigned and the typed error of section 7. .ci/run builds the solution first; run alone, this
# step builds the sample itself.
set -uo pipefail
cd "$(dirname "$0")/../.."

source .ci/lib/run-sample.sh
log="$PWD/artifacts/sample.log"
problems=()
started=$(date +%s)
run_sample samples/Crux.Connect.Sample "$log"
expect_json '.against == "simulator"' "the sample did not run against its simulator"
expect_json '.removal.status | IN(200, 202, 204)' "the removal did not answer a success status"
expect_json '[.removed[].name] == ["export_order", "cancel_order"]' "the removed permissions are not export_order, cancel_order"
# Each was assigned before and is read back as no longer assigned after the removal, and the sample says so.
expect_json '.removed | all(.assignedBefore == true and .assignedAfter == false)' "a removed permission was not read back as no longer assigned"
expect_json '[.removed[].uuid] == .removal.sent' "the uuids sent are not the removed permissions'"
expect_json '.verified == true' "the sample did not verify the removal"
expect_json '.error.exception == "CruxPermissionDeniedException"' "no CruxPermissionDeniedException in section 7"
expect_json '.error.status == 403 and .error.statusName == "Forbidden"' "no 403 Forbidden in section 7"
expect_json 'has("failure") | not' "the sample reported an unexpected failure"

if [ ${#problems[@]} -gt 0 ]; then
  printf '!! %s\n' "${problems[@]}"
  echo "!! sample smoke test failed; output: $log, result: $sample_result"
  exit 1
fi
echo "sample smoke test: ok in $(( $(date +%s) - started ))s"
