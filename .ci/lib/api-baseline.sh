# Sourced by .ci/steps/30-pack-and-consume.sh. build_api_baseline OUT packs Crux.Connect and Crux.Connect.Testing as they
# were at the commit .ci/api-baseline names, with the version it names, into OUT: the packages package validation compares
# the current ones with. The commit comes from git history (`git archive`), so the clone must have it (CI clones whole;
# actions/checkout needs fetch-depth: 0). Prints the baseline version; returns non-zero, saying why, when it cannot.
build_api_baseline() { # out-dir
  local out=$1 commit version source
  commit=$(awk '$1 == "commit" { print $2 }' .ci/api-baseline)
  version=$(awk '$1 == "version" { print $2 }' .ci/api-baseline)
  if [ -z "$commit" ] || [ -z "$version" ]; then
    echo "!! .ci/api-baseline names no commit or no version" >&2
    return 1
  fi
  if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "!! the API baseline commit $commit is not in this clone (a shallow clone? fetch the whole history)" >&2
    return 1
  fi
  source=$(mktemp -d)
  git archive "$commit" | tar -x -C "$source"
  mkdir -p "$out"
  local project
  for project in src/Crux.Connect/Crux.Connect.csproj src/Crux.Connect.Testing/Crux.Connect.Testing.csproj; do
    # MinVerVersionOverride: an archive has no .git for MinVer to read, and the baseline is a release, not a height.
    if ! dotnet pack "$source/$project" -c Release -o "$out" -nologo -v:quiet -p:MinVerVersionOverride="$version" >&2; then
      echo "!! could not pack the API baseline ($project at $commit)" >&2
      rm -rf "$source"
      return 1
    fi
  done
  rm -rf "$source"
  echo "$version"
}
