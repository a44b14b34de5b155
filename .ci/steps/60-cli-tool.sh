#!/usr/bin/env bash
# The crux command-line tool as a user gets it: pack src/Crux.Connect.Cli (Release) into a local feed, install it with
# `dotnet tool install --tool-path <tmp> --add-source <feed> Crux.Connect.Cli --version <version>`, then run
# `crux --simulator ...` end to end and check what it prints and its exit codes. Any mismatch fails the step.
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/platform.sh
linux_only "installs and runs the tool by its Unix file name from a tool path"

feed="$PWD/artifacts/cli-feed"
work="$PWD/artifacts/cli-tool"
problems=()
fail() { problems+=("$1"); echo "!! $1"; }

started=$(date +%s)
rm -rf "$feed" "$work"
mkdir -p "$feed" "$work/tools"

# 1. Pack. The version is MinVer's, as for the libraries (see 30-pack-and-consume.sh).
echo "-- dotnet pack src/Crux.Connect.Cli"
if ! dotnet pack src/Crux.Connect.Cli/Crux.Connect.Cli.csproj -c Release -o "$feed" -nologo -v:minimal; then
  echo "!! pack failed: src/Crux.Connect.Cli"
  exit 1
fi
nupkg=$(ls "$feed"/Crux.Connect.Cli.[0-9]*.nupkg 2>/dev/null | head -n 1)
[ -n "$nupkg" ] || { echo "!! no Crux.Connect.Cli.<version>.nupkg in $feed"; ls -l "$feed"; exit 1; }
version=$(basename "$nupkg" .nupkg); version=${version#Crux.Connect.Cli.}
echo "-- packed Crux.Connect.Cli $version"
# Listed into variables first: `grep -q` on a pipe stops reading early, and under pipefail the writer's SIGPIPE fails the test.
entries=$(unzip -Z1 "$nupkg")
nuspec=$(unzip -p "$nupkg" Crux.Connect.Cli.nuspec)
grep -qxF "tools/net10.0/any/crux.dll" <<<"$entries" || fail "the package lacks tools/net10.0/any/crux.dll"
grep -qxF "tools/net10.0/any/DotnetToolSettings.xml" <<<"$entries" || fail "the package is not a .NET tool (no DotnetToolSettings.xml)"
grep -qxF "README.md" <<<"$entries" || fail "the package lacks its README.md"
grep -qF '<packageType name="DotnetTool"' <<<"$nuspec" || fail "the nuspec does not say DotnetTool"

# 2. Install from the local feed with the README's line: `dotnet tool install -g Crux.Connect.Cli`, plus `--prerelease` when
#    the version is a prerelease (MinVer's x.y.z-alpha.0.N between tags; the README says so). --tool-path stands for -g
#    and --add-source for nuget.org; no --version, so this fails when the README's line would.
prerelease=()
[[ "$version" == *-* ]] && prerelease=(--prerelease)
echo "-- dotnet tool install --tool-path $work/tools --add-source $feed Crux.Connect.Cli ${prerelease[*]}"
if ! dotnet tool install --tool-path "$work/tools" --add-source "$feed" Crux.Connect.Cli "${prerelease[@]}"; then
  echo "!! dotnet tool install failed (the README's install line does not work for $version)"
  exit 1
fi
crux="$work/tools/crux"
installed=$("$crux" --version 2>/dev/null | head -n 1)
[[ "$installed" == "$version"* ]] || fail "installed crux says '$installed', the package is $version"

# 3. Run it. `expect CODE NEEDLE -- ARGS...`: the exit code is CODE and stdout+stderr contain NEEDLE.
expect() {
  local code=$1 needle=$2; shift 3
  local out rc
  out=$(cd "$work" && env -u CRUX_API_TOKEN "$crux" "$@" 2>&1 </dev/null); rc=$?
  if [ "$rc" != "$code" ]; then fail "crux $*: exit $rc, expected $code"; echo "$out" | head -n 20; return; fi
  if ! grep -qF -- "$needle" <<<"$out"; then fail "crux $*: output lacks '$needle'"; echo "$out" | head -n 20; return; fi
  echo "   ok: crux $* -> $rc"
}

member=3c2ef0c2-d6dc-4925-84b4-a68021711ae6   # member@supplier.example: the simulator's seed is fixed
expect 0 "$version"                           -- --version
expect 0 "Examples:"                          -- --help
expect 0 "  crux --simulator bulk apply team.csv" -- bulk apply --help
expect 0 "$member"                            -- simulator users --output json
expect 0 "edit_supplier_catalogs"             -- --simulator catalog list
expect 0 '"assigned": true'                   -- --simulator user show "$member" --output json
expect 0 "Environment: simulator"             -- --simulator user set "$member" view_org_users view_order
expect 0 '"removed": ['                       -- --simulator user remove "$member" cancel_order --output json
expect 2 "is not a user uuid"                 -- --simulator user show nope
expect 2 "Choose the environment"             -- catalog list
expect 1 "Not found"                          -- --simulator user show 00000000-0000-0000-0000-000000000001

# A team file from the simulator's users (user1..user5@supplier.example), a roles file, a plan, then an apply.
users_json=$(cd "$work" && "$crux" simulator users --output json)
mapfile -t uuids < <(grep -o '"uuid": "[^"]*"' <<<"$users_json" | cut -d'"' -f4 | sed -n '4,8p')
[ ${#uuids[@]} = 5 ] || fail "expected 5 uuids of user1..user5@supplier.example, got ${#uuids[@]}"
{ echo "user,role"; for u in "${uuids[@]}"; do echo "$u,viewer"; done; } >"$work/team.csv"
echo '{"viewer": ["view_org_users", "view_order"]}' >"$work/roles.json"
expect 0 "Nothing was changed (a plan only reads)." -- --simulator bulk plan team.csv --roles roles.json
expect 0 '"changed": 5,'                             -- --simulator bulk apply team.csv --roles roles.json --yes --output json
expect 0 "Applied 5/5, 0 failed"                     -- --simulator bulk apply team.csv --roles roles.json --yes
# Change management: a plan written, applied exactly with an audit log; the same plan changed by one byte is refused.
expect 0 "Plan written to plan.json"                 -- --simulator bulk plan team.csv --roles roles.json --out plan.json
expect 0 "5 users: 5 changed, 0 already as wanted"   -- --simulator bulk apply --plan plan.json --audit-log audit.jsonl --yes
[ "$(wc -l <"$work/audit.jsonl")" = 5 ] || fail "the audit log has $(wc -l <"$work/audit.jsonl") lines, expected 5"
sed -i '0,/"line": 2/s//"line": 3/' "$work/plan.json"
expect 2 "was changed after it was written"          -- --simulator bulk apply --plan plan.json --yes
expect 2 "Did you mean 'user'?"                      -- usr
printf 'user,role\n%s,viewer\nnot-a-uuid,viewer\n' "${uuids[0]}" >"$work/bad.csv"
expect 2 "bad.csv line 3, column 1"                  -- --simulator bulk apply bad.csv --roles roles.json --yes
expect 2 "does not exist"                            -- --simulator bulk plan missing.csv

# A wrong token: exit 3, and the token is nowhere in what was printed.
token=0123456789abcdef0123456789abcdef01234567
out=$(cd "$work" && CRUX_API_TOKEN=$token "$crux" --simulator catalog list 2>&1); rc=$?
[ "$rc" = 3 ] || fail "a wrong token: exit $rc, expected 3"
grep -qF "$token" <<<"$out" && fail "the token was printed"
# The password piped in is nowhere in what was printed either.
out=$(cd "$work" && "$crux" --simulator -u admin@supplier.example --password-stdin catalog list 2>&1 <<<"supplier-admin-password"); rc=$?
[ "$rc" = 0 ] || fail "log in with --password-stdin: exit $rc, expected 0"
grep -qF "supplier-admin-password" <<<"$out" && fail "the password was printed"

if [ ${#problems[@]} -gt 0 ]; then
  echo "!! crux tool: ${#problems[@]} problem(s)"
  exit 1
fi
echo "crux tool: Crux.Connect.Cli $version packed, installed from a local feed and run, ok in $(( $(date +%s) - started ))s"
