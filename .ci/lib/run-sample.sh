# Sourced by the sample steps in .ci/steps/: run_sample runs one sample project (Release) the way a user would, with
# `dotnet run`, within 5 minutes, stdin closed, output to a log file that is also printed. It reuses the build .ci/run
# made (--no-build) when the sample's assembly is there, and builds it otherwise (a step run alone). A non-zero exit
# code is added to the caller's `problems` array.
run_sample() { # project log-file [args...]
  local project=$1 log=$2; shift 2
  local name; name=$(basename "$project")
  local build=(--no-build)
  [ -f "$project/bin/Release/net10.0/$name.dll" ] || build=()
  mkdir -p "$(dirname "$log")"
  timeout 300 dotnet run --project "$project" -c Release "${build[@]}" -- "$@" </dev/null >"$log" 2>&1
  local rc=$?
  # Windows consoles end lines with CR LF; the checks match whole lines.
  sed -i 's/\r$//' "$log"
  cat "$log"
  [ "$rc" -eq 0 ] || problems+=("$name exited with $rc")
}
