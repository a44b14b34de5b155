#!/usr/bin/env bash
# The .NET Framework leg compiles here too: the tests of the shipped libraries have a net472 target (tests/ShippedTargets.props)
# that only the Windows job runs. Building it on Linux with the reference assemblies package (-p:CruxNetFrameworkTests=true)
# catches code that does not exist there (e.g. HttpStatusCode.TooManyRequests, new in .NET Core) before a Windows run does.
# It cannot run here (no .NET Framework); on Windows .ci/run's test command builds and runs it anyway, so this step skips.
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/platform.sh
linux_only "the Windows job builds and runs the net472 tests itself"

started=$(date +%s)
for project in tests/Crux.Connect.Tests/Crux.Connect.Tests.csproj tests/Crux.Connect.Testing.Tests/Crux.Connect.Testing.Tests.csproj; do
  echo "-- dotnet build $project -f net472"
  if ! dotnet build "$project" -c Release -f net472 -p:CruxNetFrameworkTests=true -nologo -v:minimal; then
    echo "!! $project does not compile for net472"
    exit 1
  fi
done
echo "net472 build: ok in $(( $(date +%s) - started ))s"
