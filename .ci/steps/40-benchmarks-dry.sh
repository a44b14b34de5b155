#!/usr/bin/env bash
# The benchmarks still build and run: BenchmarkDotNet's Dry job (one launch, one invocation of
# each benchmark, no statistics), which also runs every [GlobalSetup] check: the in-memory
# handler allocates only its response, and every contender puts the same request on the wire.
# No assertion on time. Artifacts go to artifacts/benchmarks-dry (gitignored).
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/platform.sh
linux_only "the same benchmarks on the same code; one platform is enough for a dry run"

out="$PWD/artifacts/benchmarks-dry"
log="$out/run.log"
rm -rf "$out"
mkdir -p "$out"

started=$(date +%s)
timeout 900 dotnet run -c Release --project benchmarks/Crux.Connect.Benchmarks -- \
  --filter '*' --job Dry --artifacts "$out" >"$log" 2>&1
rc=$?
elapsed=$(( $(date +%s) - started ))

# The tables and the wire check lines, for the CI log.
grep -E '^// wire check|^\| ' "$log" || true

found=$(sed -n 's/.*Found \([0-9]*\) benchmark(s) in total.*/\1/p' "$log" | head -n 1)
if [ "$rc" -ne 0 ] || [ -z "$found" ] || [ "$found" -eq 0 ]; then
  tail -n 80 "$log"
  echo "!! benchmarks dry run failed (exit $rc, ${found:-no} benchmarks found, ${elapsed}s); full log: $log"
  exit 1
fi
echo "benchmarks dry run: $found benchmarks ran in ${elapsed}s"
