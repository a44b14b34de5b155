# Sourced by the steps that only run on Linux (Native AOT for linux-x64, the benchmarks, packing and installing with
# unzip and a tool path of Unix names). On any other system (the Windows job of .github/workflows/ci.yml runs the same
# `bash .ci/run` under Git Bash), `linux_only` prints why the step is skipped and ends it with exit code 0.
# CRUX_CI_SKIP_LINUX_ONLY=true skips them on Linux too (a quick local run of the rest).
linux_only() { # reason
  if [ "$(uname -s)" != Linux ] || [ "${CRUX_CI_SKIP_LINUX_ONLY:-}" = true ]; then
    echo "skipped (Linux only: $1)"
    exit 0
  fi
}
