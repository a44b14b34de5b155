# Sourced by the sample steps in .ci/steps/: run_sample runs one sample project (Release) the way a user would, with
# `dotnet run`, within 5 minutes, stdin closed, output to a log file that is also printed. It reuses the build .ci/run
# made (--no-build) when the sample's assembly is there, and builds it otherwise (a step run alone). A non-zero exit
# code is added to the caller's `problems` array.
#
# The checks read facts, not wording: run_sample sets CRUX_SAMPLE_RESULT (every sample takes it) so the sample writes
# what it verified as one JSON document next to the log (sample.log -> sample.json, an earlier one deleted first), and
# sets `sample_result` to that path; expect_json asserts on it with `jq -e`. The console output is for people and may
# change without breaking CI.
run_sample() { # project log-file [args...]
  local project=$1 log=$2; shift 2
  local name; name=$(basename "$project")
  local build=(--no-build)
  [ -f "$project/bin/Release/net10.0/$name.dll" ] || build=()
  mkdir -p "$(dirname "$log")"
  sample_result="${log%.log}.json"
  rm -f "$sample_result"
  CRUX_SAMPLE_RESULT="$sample_result" timeout 300 dotnet run --project "$project" -c Release "${build[@]}" -- "$@" </dev/null >"$log" 2>&1
  local rc=$?
  # Windows consoles end lines with CR LF; keep the log readable the same everywhere.
  sed -i 's/\r$//' "$log"
  # A progress line redrawn in place (CR without LF, the bulk sample's) is printed as a terminal shows it: its last state.
  sed 's/.*\r//' "$log"
  [ "$rc" -eq 0 ] || problems+=("$name exited with $rc")
  if [ -s "$sample_result" ]; then
    echo "-- $name result ($sample_result):"
    cat "$sample_result"
    echo
  else
    problems+=("$name wrote no result to $sample_result")
  fi
}

# expect_json FILTER MESSAGE: MESSAGE is a problem unless `jq -e FILTER` holds on the last run_sample's result (true, not
# false or null; a missing or malformed file fails too).
expect_json() {
  jq -e "$1" "$sample_result" >/dev/null 2>&1 || problems+=("$2")
}
