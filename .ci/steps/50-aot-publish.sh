#!/usr/bin/env bash
# Native AOT check: publish a program with PublishAot=true (given from here only, so the project
# itself stays a normal JIT program), fail on any trim (IL2xxx) or AOT (IL3xxx) warning, then run
# the native binary and require exit code 0.
#   AOT_PROJECT  the project to publish (default: the sample)
#   AOT_RID      the runtime identifier (default: linux-x64)
#   AOT_ARGS     arguments for the native binary (default: none)
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/platform.sh
linux_only "publishes for the linux-x64 RID with the platform toolchain"

project="${AOT_PROJECT:-samples/Crux.Connect.Sample/Crux.Connect.Sample.csproj}"
rid="${AOT_RID:-linux-x64}"
out="$PWD/artifacts/aot"
native_obj="$PWD/artifacts/aot-obj/"
log="$PWD/artifacts/aot-publish.log"

if [ ! -f "$project" ]; then
  echo "!! AOT check: project $project not found"
  exit 1
fi
if ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
  echo "!! AOT check: Native AOT links with the platform toolchain; neither gcc nor clang is on PATH"
  exit 1
fi

rm -rf "$out" "$native_obj" "$PWD/artifacts/aot-obj-props"
mkdir -p "$out" "$(dirname "$log")"

# PublishAot=true for the published project only. "-p:PublishAot=true" would be a global property
# and reach every referenced project too, and a library that also targets netstandard2.0 fails
# there (NETSDK1207). MSBuild imports $(CustomBeforeMicrosoftCommonProps) into every project; this
# one sets the property only in the project being published.
aot_props="$PWD/artifacts/aot-obj-props/PublishAot.props"
mkdir -p "$(dirname "$aot_props")"
cat >"$aot_props" <<PROPS
<Project>
  <PropertyGroup Condition="'\$(MSBuildProjectFullPath)' == '$(realpath "$project")'">
    <PublishAot>true</PublishAot>
  </PropertyGroup>
</Project>
PROPS

# A fresh NativeIntermediateOutputPath makes the native compiler (ILC) run, and so report its
# trim/AOT warnings, on every run, even when an earlier publish left its outputs up to date.
dotnet publish "$project" -c Release -r "$rid" \
  -p:CustomBeforeMicrosoftCommonProps="$aot_props" \
  -p:NativeIntermediateOutputPath="$native_obj" -o "$out" -nologo >"$log" 2>&1
rc=$?

if ! grep -q 'Generating native code' "$log" && [ "$rc" -eq 0 ]; then
  echo "!! AOT check: the publish of $project did not run the native compiler (PublishAot not applied?); full log: $log"
  exit 1
fi

# Trim and AOT analysis warnings (and the same codes raised to errors by TreatWarningsAsErrors).
il_warnings=$(grep -E '(warning|error) IL[23][0-9]{3}' "$log" | sort -u)
if [ -n "$il_warnings" ]; then
  echo "$il_warnings"
  echo "!! AOT check: $(wc -l <<<"$il_warnings") trim/AOT (IL2xxx/IL3xxx) diagnostics in the publish of $project; full log: $log"
  exit 1
fi
if [ "$rc" -ne 0 ]; then
  tail -n 40 "$log"
  if grep -qiE 'ILCompiler|NU1101|NU1102|NU1103|Microsoft\.NETCore\.App\.Runtime' "$log"; then
    echo "!! AOT check: the Native AOT compiler or runtime pack for $rid (Microsoft.DotNet.ILCompiler, runtime.$rid.Microsoft.DotNet.ILCompiler, Microsoft.NETCore.App.Runtime.$rid) could not be restored from the configured NuGet source, so Native AOT cannot be checked on this machine"
  fi
  echo "!! AOT check: publish of $project failed (exit $rc); full log: $log"
  exit 1
fi

name=$(dotnet msbuild "$project" -getProperty:AssemblyName -p:Configuration=Release 2>/dev/null | tail -n 1)
[ -n "$name" ] || name=$(basename "$project" .csproj)
binary="$out/$name"
if [ ! -x "$binary" ]; then
  echo "!! AOT check: no native binary at $binary"
  ls -la "$out"
  exit 1
fi

started=$(date +%s%N)
# shellcheck disable=SC2086
timeout 300 "$binary" ${AOT_ARGS:-} </dev/null
run_rc=$?
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
size=$(stat -c %s "$binary")
if [ "$run_rc" -ne 0 ]; then
  echo "!! AOT check: the native $name exited with $run_rc"
  exit 1
fi
echo "AOT check: $name published with no IL2xxx/IL3xxx warning; native binary $size bytes, ran start to exit in ${elapsed_ms} ms, exit 0"
