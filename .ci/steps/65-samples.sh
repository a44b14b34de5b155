#!/usr/bin/env bash
# The samples users copy, run as CI runs them: the ASP.NET Core minimal API (--smoke: it calls its own endpoints and
# stops) and the worker service (drains its queue through a vault-backed token provider and stops), both against the
# built-in simulator. The xunit sample (samples/Crux.Connect.TestingSample) is in the solution, so the test command
# after the steps runs it. Also checks that Crux.Connect.Testing, packed by step 30, serves every target the SDK has.
set -uo pipefail
cd "$(dirname "$0")/../.."

logs="$PWD/artifacts/samples"
mkdir -p "$logs"
problems=()
started=$(date +%s)

source .ci/lib/run-sample.sh

# The minimal API's exit code says every answer had the status it expects (--smoke); here the JSON bodies are checked with jq,
# from lines "<METHOD> <path> -> <status>: <body>". `answer METHOD PATH-REGEX STATUS` prints the body of the first such line.
answer() { sed -nE "s#^$1 $2 -> $3: ##p" "$logs/minimal-api.log" | head -n 1; }
run_sample samples/Crux.Connect.MinimalApi "$logs/minimal-api.log" --smoke
answer DELETE '/users/[0-9a-f-]+/permissions/export_order' 200 | jq -se '.[0] | .removed == "export_order" and (.requestId | test("^[0-9a-f]+$"))' >/dev/null \
  || problems+=("minimal API: no 200 with a request id for the removal")
answer DELETE '/users/[0-9a-f-]+/permissions/export_orders' 400 | jq -se '.[0] | .title == "Unknown permission"' >/dev/null \
  || problems+=("minimal API: an unknown permission did not answer 400 with a problem whose title is 'Unknown permission'")
answer GET '/retailer/users/[0-9a-f-]+/permissions' 200 | jq -se '.[0] | type == "array"' >/dev/null \
  || problems+=("minimal API: the named (retailer) client did not answer with its permissions")

run_sample samples/Crux.Connect.WorkerSample "$logs/worker.log"
grep -qF 'Crux Connect rejected the cached token; reading the vault again' "$logs/worker.log" \
  || problems+=("worker: the stale token was not invalidated")
[ "$(grep -cE 'Offboarded [0-9a-f-]+: removed export_order, cancel_order \(request id [0-9a-f]+\)' "$logs/worker.log")" -eq 2 ] \
  || problems+=("worker: not both users offboarded")
grep -qF 'Offboarding queue drained: 0 failure(s)' "$logs/worker.log" || problems+=("worker: the queue did not drain cleanly")

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
