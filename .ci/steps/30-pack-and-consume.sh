#!/usr/bin/env bash
# Pack Crux.Connect and Crux.Connect.Testing (Release) into artifacts/packages, check what is inside each
# package, then build and run tests/Crux.Connect.PackageTests: a console app that references both packages
# BY VERSION from that folder (its own NuGet.config, its own restore folder, no project reference) and
# removes permissions from a user against the simulator over loopback HTTP. Any mismatch fails the step.
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/platform.sh
linux_only "the packages are packed, checked and uploaded by the Linux job"

packages="$PWD/artifacts/packages"
consumer_root="$PWD/artifacts/package-tests"
consumer=tests/Crux.Connect.PackageTests/Crux.Connect.PackageTests.csproj
problems=()
fail() { problems+=("$1"); echo "!! $1"; }

started=$(date +%s)
rm -rf "$packages" "$consumer_root"
mkdir -p "$packages"

# 0. The API baseline (.ci/api-baseline): the 1.0 packages, packed from the commit that shipped the 1.0 surface.
source .ci/lib/api-baseline.sh
baseline="$PWD/artifacts/api-baseline"
rm -rf "$baseline"
echo "-- API baseline: packing $(awk '$1 == "commit" { print $2 }' .ci/api-baseline) as the 1.0 packages"
if ! baseline_version=$(build_api_baseline "$baseline"); then
  echo "!! no API baseline to validate the packages against"
  exit 1
fi

# 1. Pack. The version is MinVer's, from git: a tag vX.Y.Z gives X.Y.Z; with no tag (CI's clone) it is
#    1.0.0-alpha.0.<height>, the same for the same commit on every machine. Package validation compares each package with
#    its baseline: a removed or changed public member, a dropped target framework, fails the pack (CP0001, CP0002, ...).
for project in src/Crux.Connect/Crux.Connect.csproj src/Crux.Connect.Testing/Crux.Connect.Testing.csproj; do
  id=$(basename "$project" .csproj)
  echo "-- dotnet pack $project (validated against $id $baseline_version)"
  if ! dotnet pack "$project" -c Release -o "$packages" -nologo -v:minimal \
      -p:PackageValidationBaselinePath="$baseline/$id.$baseline_version.nupkg"; then
    echo "!! pack failed (a break of the $baseline_version API is reported above as CP####): $project"
    exit 1
  fi
done

core_nupkg=$(ls "$packages"/Crux.Connect.[0-9]*.nupkg 2>/dev/null | head -n 1)
testing_nupkg=$(ls "$packages"/Crux.Connect.Testing.[0-9]*.nupkg 2>/dev/null | head -n 1)
if [ -z "$core_nupkg" ] || [ -z "$testing_nupkg" ]; then
  echo "!! expected Crux.Connect.<version>.nupkg and Crux.Connect.Testing.<version>.nupkg in $packages:"
  ls -l "$packages"
  exit 1
fi
version=$(basename "$core_nupkg" .nupkg); version=${version#Crux.Connect.}
testing_version=$(basename "$testing_nupkg" .nupkg); testing_version=${testing_version#Crux.Connect.Testing.}
echo "-- packed version: $version"
[ "$version" = "$testing_version" ] || fail "the two packages disagree on the version: $version vs $testing_version"

# 2. Inspect the packages (Crux.Connect: lib/net10.0, lib/net8.0 and lib/netstandard2.0).
entries() { unzip -Z1 "$1"; }
require() { # package, entry
  local list
  list=$(entries "$1")
  grep -qxF "$2" <<<"$list" || fail "$(basename "$1") lacks $2"
}
check_nuspec() { # package, id
  local nuspec
  nuspec=$(unzip -p "$1" "$2.nuspec" | tr -d '\r')
  for needle in '<license type="expression">MIT</license>' '<readme>README.md</readme>' \
                '<repository type="git"' '<releaseNotes>' '<projectUrl>' '<description>' '<tags>' "<version>$version</version>"; do
    grep -qF "$needle" <<<"$nuspec" || fail "$2.nuspec lacks $needle"
  done
}
forbid_strangers() { # package, allowed assembly names (regex alternation)
  local strangers
  strangers=$(entries "$1" | grep -iE '\.(dll|exe|pdb)$' | grep -vE "^lib/[^/]+/($2)\.dll$" || true)
  [ -z "$strangers" ] || fail "$(basename "$1") carries assemblies it should not: $(tr '\n' ' ' <<<"$strangers")"
  strangers=$(entries "$1" | grep -iE '(^|[/.])tests?([/.]|$)|sample|benchmark|xunit|mockhttp' || true)
  [ -z "$strangers" ] || fail "$(basename "$1") carries test, sample or benchmark files: $(tr '\n' ' ' <<<"$strangers")"
}

for tfm in net10.0 net8.0 netstandard2.0; do
  require "$core_nupkg" "lib/$tfm/Crux.Connect.dll"
  require "$core_nupkg" "lib/$tfm/Crux.Connect.xml"
done
require "$core_nupkg" README.md
check_nuspec "$core_nupkg" Crux.Connect
forbid_strangers "$core_nupkg" 'Crux\.Connect'

require "$testing_nupkg" lib/net10.0/Crux.Connect.Testing.dll
require "$testing_nupkg" lib/net10.0/Crux.Connect.Testing.xml
require "$testing_nupkg" README.md
check_nuspec "$testing_nupkg" Crux.Connect.Testing
forbid_strangers "$testing_nupkg" 'Crux\.Connect\.Testing'

for id in Crux.Connect Crux.Connect.Testing; do
  snupkg="$packages/$id.$version.snupkg"
  if [ ! -f "$snupkg" ]; then
    fail "no symbol package $id.$version.snupkg"
  elif ! grep -qxF "lib/net10.0/$id.pdb" <<<"$(entries "$snupkg")"; then
    fail "$id.$version.snupkg lacks lib/net10.0/$id.pdb"
  fi
done

for f in "$core_nupkg" "$testing_nupkg" "$packages"/*.snupkg; do
  echo "-- $(basename "$f")"
  unzip -l "$f" | sed -n '4,$p' | grep -vE '^-+|files$' | awk '{print "   " $4 "  (" $1 " bytes)"}'
done

if [ ${#problems[@]} -gt 0 ]; then
  echo "!! package contents: ${#problems[@]} problem(s)"
  exit 1
fi
echo "-- package contents: ok"

# 3. Consume: restore into a fresh folder (never the global cache) from artifacts/packages, build, run.
echo "-- dotnet run $consumer (Crux.Connect $version from $packages)"
if ! dotnet run --project "$consumer" -c Release -p:CruxPackageVersion="$version" -nologo; then
  echo "!! the package consumer failed (Crux.Connect $version)"
  exit 1
fi

echo "pack and consume: Crux.Connect $version, ok in $(( $(date +%s) - started ))s"
