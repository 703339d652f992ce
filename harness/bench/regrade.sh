#!/usr/bin/env bash
# The learner's loop, timed in one run on one lesson, alternating the commands round by round so a
# busy machine slows them alike (the ratios are what count; absolute seconds move from run to run):
#   (a) ./grade.sh LESSON with nothing changed
#   (b) ./grade.sh LESSON after a one-line edit of a stub file
#   (c) dotnet test of the lesson's test project after the same kind of edit (the baseline)
#   (d) ./grade.sh (the overview) with nothing changed
#   (e) the overview on a fresh clone (building the grader, then every lesson), once
# Prints one Markdown table (median seconds, ratio to (c)) for the README.
# Usage: harness/bench/regrade.sh [LESSON] [ROUNDS]   (default: lesson05, 5 rounds)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
id="${1:-lesson05}"; rounds="${2:-5}"
slug="$(ls lessons | grep -E "^${id}-")"
stub_file="$(ls lessons/"$slug"/src/*.cs | head -n 1)"
tests_project="$(ls lessons/"$slug"/tests/*.csproj)"
work="$(mktemp -d /tmp/netcourse-regrade-XXXXXX)"
cp "$stub_file" "$work/original.cs"
trap 'cp "$work/original.cs" "$stub_file"; rm -rf "$work"' EXIT

now() { date +%s.%N; }
seconds() { echo "$(now) - $1" | bc; }
edit() { cp "$work/original.cs" "$stub_file"; echo "// edit $RANDOM$RANDOM" >>"$stub_file"; }
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'; }

# Warm everything once, outside the timings: the grader, the lesson's build, the overview's store.
./grade.sh --help >/dev/null 2>&1
./grade.sh "$id" >/dev/null 2>&1 || true
dotnet test "$tests_project" >/dev/null 2>&1 || true
./grade.sh >/dev/null 2>&1 || true

for _ in $(seq "$rounds"); do
  cp "$work/original.cs" "$stub_file"; ./grade.sh "$id" >/dev/null 2>&1 || true
  t=$(now); ./grade.sh "$id" >/dev/null 2>&1 || true; seconds "$t" >>"$work/a"
  edit; t=$(now); ./grade.sh "$id" >/dev/null 2>&1 || true; seconds "$t" >>"$work/b"
  edit; t=$(now); dotnet test "$tests_project" >/dev/null 2>&1 || true; seconds "$t" >>"$work/c"
  cp "$work/original.cs" "$stub_file"; ./grade.sh >/dev/null 2>&1 || true
  t=$(now); ./grade.sh >/dev/null 2>&1 || true; seconds "$t" >>"$work/d"
done

# (e): a clone without .build/, as a learner gets it. The grader's own first build is timed apart.
git clone -q --no-hardlinks . "$work/clone"
t=$(now); (cd "$work/clone" && ./grade.sh --help >/dev/null 2>&1); grader_build=$(seconds "$t")
t=$(now); (cd "$work/clone" && ./grade.sh >"$work/e.txt" 2>&1 || true); fresh=$(seconds "$t")

c=$(median <"$work/c")
row() { printf '| %s | %.2f | %.2f× |\n' "$1" "$2" "$(echo "$2 / $c" | bc -l)"; }
echo "| $id, median of $rounds rounds | seconds | ratio to (c) |"
echo "|---|---:|---:|"
row "(a) \`./grade.sh $id\`, nothing changed" "$(median <"$work/a")"
row "(b) \`./grade.sh $id\` after a one-line edit" "$(median <"$work/b")"
row "(c) \`dotnet test\` of its tests after the same edit" "$c"
row "(d) \`./grade.sh\` (overview), nothing changed" "$(median <"$work/d")"
row "(e) \`./grade.sh\` (overview) on a fresh clone" "$fresh"
printf '| (e′) the grader'"'"'s own first build on that clone | %.2f | |\n' "$grader_build"
