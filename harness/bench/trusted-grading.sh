#!/usr/bin/env bash
# Grades every lesson's reference solution twice, in one run, alternating: as the course's own
# check does (`./grade.sh LESSON --solution`, no sandbox) and as a pull request is graded
# (`--submission`, staged, gated, sandboxed). Proves an honest submission keeps its grade in the
# sandbox, and prints the seconds of each, for docs/instructors.md. Linux with bubblewrap; as root
# or with unprivileged user namespaces. Usage: harness/bench/trusted-grading.sh [LESSON...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
lessons=("$@")
[ ${#lessons[@]} -gt 0 ] || lessons=($(ls lessons | grep -E '^lesson[0-9]{2}-'))
work="$(mktemp -d /tmp/netcourse-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
./grade.sh --help >/dev/null # build the grader first, outside the timings

printf '| lesson | `--solution` (s) | `--submission`, sandboxed (s) | ratio | sandboxed grade |\n|---|---|---|---|---|\n'
status=0
for slug in "${lessons[@]}"; do
  id="${slug%%-*}"
  # The submission a learner who finished the lesson would send: the solution's files in src/.
  sub="$work/$id"
  mkdir -p "$sub/lessons/$slug/src"
  (cd "solutions/$slug/src" && find . -name '*.cs' -exec cp --parents {} "$sub/lessons/$slug/src/" \;)
  cp "lessons/$slug/src/"*.csproj "$sub/lessons/$slug/src/"
  ./grade.sh "$id" --solution >/dev/null 2>&1 || true # warm the build once
  start=$(date +%s.%N); ./grade.sh "$id" --solution >"$work/$id-plain.txt" 2>&1 || true; plain=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  ./grade.sh "$id" --submission "$sub" --format json --output "$work/$id.json" >"$work/$id-trusted.txt" 2>&1 || true
  trusted=$(echo "$(date +%s.%N) - $start" | bc)
  grade=$(jq -r '"\(.status) \(.score)/\(.max_score), tampered \(.tampered | length)"' "$work/$id.json" 2>/dev/null || echo "no results")
  case "$grade" in "pass "*", tampered 0") ;; *) status=1; tail -20 "$work/$id-trusted.txt" >&2 ;; esac
  printf '| %s | %.0f | %.0f | %.1f× | %s |\n' "$id" "$plain" "$trusted" "$(echo "$trusted / $plain" | bc -l)" "$grade"
done
exit $status
