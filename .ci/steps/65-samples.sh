#!/usr/bin/env bash
# The samples users copy, run as CI runs them: the ASP.NET Core minimal API (--smoke: it calls its own endpoints and
# stops), the worker service (drains its queue through a vault-backed token provider and stops) and the bulk role change,
# all against the built-in simulator; each must exit 0, and the JSON it writes is checked with jq. The xunit sample
# (samples/Crux.Connect.TestingSample) is in the solution, so the test command after the steps runs it. Also checks that
# Crux.Connect.Testing, packed by step 30, serves every target the SDK has.
set -uo pipefail
cd "$(dirname "$0")/../.."

logs="$PWD/artifacts/samples"
mkdir -p "$logs"
problems=()
started=$(date +%s)

source .ci/lib/run-sample.sh

# Each sample's exit code says its own checks held; the facts are then read from the JSON it writes (CRUX_SAMPLE_RESULT,
# .ci/lib/run-sample.sh) with jq, never from its console output.
# The minimal API (--smoke) calls its own endpoints: each answer's status and its body, parsed.
run_sample samples/Crux.Connect.MinimalApi "$logs/minimal-api.log" --smoke
expect_json '.unexpected == 0' "minimal API: an answer did not have the status it should"
expect_json '.answers.removal | .method == "DELETE" and (.path | test("^/users/[0-9a-f-]+/permissions/export_order$")) and .status == 200' \
  "minimal API: the removal of export_order did not answer 200"
expect_json '.answers.removal.body | .removed == "export_order" and (.requestId | test("^[0-9a-f]+$"))' \
  "minimal API: no 200 with a request id for the removal"
expect_json '.answers.unknownPermission | .path | endswith("/permissions/export_orders")' "minimal API: the unknown permission's call is not the one expected"
expect_json '.answers.unknownPermission | .status == 400 and .body.title == "Unknown permission"' \
  "minimal API: an unknown permission did not answer 400 with a problem whose title is 'Unknown permission'"
expect_json '.answers.retailerRead | .method == "GET" and (.path | test("^/retailer/users/[0-9a-f-]+/permissions$")) and .status == 200 and (.body | type == "array")' \
  "minimal API: the named (retailer) client did not answer with its permissions"

# The worker drains its queue through a vault whose first token was rotated away: the SDK's 401 makes the provider drop it.
run_sample samples/Crux.Connect.WorkerSample "$logs/worker.log"
expect_json '.tokenInvalidations >= 1' "worker: the stale token was not invalidated"
expect_json '(.queued | length) == 2 and [.offboarded[].user] == .queued' "worker: not both users offboarded"
expect_json '.offboarded | all(.removed == ["export_order", "cancel_order"] and (.status | IN(200, 202, 204)) and (.requestId | test("^[0-9a-f]+$")))' \
  "worker: a user's removal was not export_order, cancel_order confirmed with a request id"
expect_json '.failures == 0' "worker: the queue did not drain cleanly"

# The bulk sample: 2,000 users under a simulated rate limit, a removal then an addition through the SDK's bulk engine.
run_sample samples/Crux.Connect.BulkSample "$logs/bulk.log"
expect_json '.users == 2000' "bulk: not 2,000 users"
expect_json '.removed.succeeded == .users and .removed.failed == 0' "bulk: the removal did not succeed for every user"
expect_json '.added.succeeded == .users and .added.failed == 0' "bulk: the addition did not succeed for every user"
expect_json '.holdingOnlyViewOrder == .users and .verified == true' "bulk: not every user ends with view_order and not edit_org_users"

# The shipped XML documentation lists the public surface only (build/PublicXmlDocs.targets), never an internal member.
for nupkg in $(ls artifacts/packages/Crux.Connect.[0-9]*.nupkg artifacts/packages/Crux.Connect.Testing.[0-9]*.nupkg 2>/dev/null); do
  for xml in $(unzip -Z1 "$nupkg" | grep -E '^lib/.*\.xml$'); do
    leaked=$(unzip -p "$nupkg" "$xml" | grep -oE 'name="[A-Z]:Crux\.Connect(\.Testing)?\.(Internal|Diagnostics|DependencyInjection\.CruxConfiguration)[^"]*"' | head -n 3)
    [ -z "$leaked" ] || problems+=("$nupkg $xml documents internal members: $leaked")
  done
done

testing_nupkg=$(ls artifacts/packages/Crux.Connect.Testing.[0-9]*.nupkg 2>/dev/null | head -n 1)
if [ -n "$testing_nupkg" ]; then
  # The listing is read whole first: under pipefail, `unzip | grep -q` fails when grep stops reading early (SIGPIPE).
  listing=$(unzip -Z1 "$testing_nupkg")
  for tfm in net10.0 net8.0 netstandard2.0; do
    grep -qx "lib/$tfm/Crux.Connect.Testing.dll" <<<"$listing" || problems+=("$testing_nupkg lacks lib/$tfm")
  done
fi

if [ ${#problems[@]} -gt 0 ]; then
  printf '!! %s\n' "${problems[@]}"
  echo "!! samples failed; logs: $logs"
  exit 1
fi
echo "samples: ok in $(( $(date +%s) - started ))s"
