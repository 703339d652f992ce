#!/usr/bin/env bash
# Mutation testing of one lesson's reference solution with Stryker.NET (dotnet-stryker 5.1.0):
# Stryker mutates solutions/<slug>/src (never the Given files it links), runs the lesson's hidden
# tests against each mutant, and writes its HTML and JSON reports under .build/mutation/<lesson>/.
#
#   harness/mutation/stryker.sh lesson05 [extra dotnet-stryker options]
#
# Slow (every surviving mutant costs a full test run): it is not part of ./grade.sh --check.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lesson="${1:?usage: harness/mutation/stryker.sh lessonNN [dotnet-stryker options]}"
shift

tests_dir="$(ls -d "$root"/lessons/"$lesson"*/tests 2>/dev/null | head -n 1 || true)"
[ -n "$tests_dir" ] || { echo "mutation: no lesson '$lesson' (try lesson05)" >&2; exit 2; }
slug="$(basename "$(dirname "$tests_dir")")"
id="${slug%%-*}"
project="$(basename "$(ls "$root/solutions/$slug/src/"*.csproj)")"

tool_dir="$root/.build/tools/stryker"
if [ ! -x "$tool_dir/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tool_dir" >/dev/null
fi

output="$root/.build/mutation/$id"
rm -rf "$output"
mkdir -p "$output"
# summary.sh reads these: a run narrowed with --mutate gets no score from it (see there).
printf '%s\n' "$@" > "$output/extra-options.txt"
# Directory.Build.props reads the implementation switch from the environment as well as from -p:
# the lesson's tests compile against the reference solution, which is what Stryker mutates.
export Implementation=solution DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDTERMINALLOGGER=off
# Coverage analysis: Stryker's default "perTest" runs only the tests that reach a mutant.
# STRYKER_COVERAGE=all runs every test against every covered mutant (far slower), to cross-check
# a survivor if per-test coverage is ever suspected of crediting the wrong test (the lessons'
# tests run in parallel). dotnet-stryker 5.1 takes this option from a config file only.
coverage="${STRYKER_COVERAGE:-perTest}"
# STRYKER_TEST_FILTER (a VSTest filter, e.g. 'FullyQualifiedName!~LoadContract') leaves tests out
# of the run: lesson09's load test costs a minute per mutant and checks no rule another test does
# not. A mutant only a left-out test kills then counts as survived, so the score stays an under-
# estimate; the run's extra-options.txt records the filter.
filter="${STRYKER_TEST_FILTER:-}"
case "$filter" in *'"'*|*\\*) echo "mutation: STRYKER_TEST_FILTER may not hold quotes or backslashes" >&2; exit 2;; esac
config="$output/stryker-config.json"
if [ -n "$filter" ]; then
  printf '{ "stryker-config": { "coverage-analysis": "%s", "test-case-filter": "%s" } }\n' "$coverage" "$filter" > "$config"
  echo "test-case-filter: $filter" >> "$output/extra-options.txt"
else
  printf '{ "stryker-config": { "coverage-analysis": "%s" } }\n' "$coverage" > "$config"
fi
cd "$tests_dir"
start=$(date +%s)
"$tool_dir/dotnet-stryker" --project "$project" --mutate '!**/Given/**' --concurrency 1 --config-file "$config" \
  --reporter html --reporter json --reporter progress --reporter cleartext --output "$output" --skip-version-check "$@"
elapsed=$(( $(date +%s) - start ))
echo "mutation: $id took $elapsed s; report in ${output#$root/}/reports/"
echo "mutation: table row (mutants | killed | survived | equivalent | score over non-equivalent | time):"
"$root/harness/mutation/summary.sh" "$id" "$elapsed"
