#!/usr/bin/env bash
# One lesson's row for docs/mutation-testing.md's table, from the last Stryker JSON report
# (.build/mutation/lessonNN/reports/mutation-report.json) and the lesson's accepted equivalents
# (solutions/<slug>/mutation-equivalents.md: the sum of its Count column).
#
#   harness/mutation/summary.sh lesson01 [seconds]
#
# Mutants = every mutant Stryker tested (compile errors and ignored ones are left out);
# killed counts timeouts too; survived counts "no coverage" too; the score is
# killed / (mutants - equivalent).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lesson="${1:?usage: harness/mutation/summary.sh lessonNN [seconds]}"
time="${2:-?}"
slug="$(basename "$(ls -d "$root"/solutions/"$lesson"* | head -n 1)")"
id="${slug%%-*}"
report="$root/.build/mutation/$id/reports/mutation-report.json"
[ -f "$report" ] || { echo "summary: no report $report (run harness/mutation/stryker.sh $id)" >&2; exit 2; }
count() { jq "[.files[].mutants[] | select(.status as \$s | [$1] | index(\$s))] | length" "$report"; }
killed=$(count '"Killed","Timeout"')
survived=$(count '"Survived","NoCoverage"')
equivalents="$root/solutions/$slug/mutation-equivalents.md"
equivalent=0
if [ -f "$equivalents" ]; then
  # Table rows: | Where | Mutation | Count | Why |; an escaped pipe (\|) inside a cell is dropped first.
  equivalent=$(awk -F'|' '{ gsub(/\\\|/, "") } /^\|/ && $4 ~ /^ *[0-9]+ *$/ { n += $4 } END { print n + 0 }' "$equivalents")
fi
mutants=$(( killed + survived ))
# A run restricted with --mutate covers some files only, while the equivalents file lists every
# file's: the score would count equivalents of mutants never made. Say so instead of a number.
options="$root/.build/mutation/$id/extra-options.txt"
if [ -f "$options" ] && grep -qE '^(--mutate|-m)$' "$options"; then
  echo "summary: partial run (stryker.sh $id $(tr '\n' ' ' < "$options")): count the equivalents of its files by hand" >&2
  echo "| $id (partial) | $mutants | $killed | $survived | ? | ? | $time s |"
  exit 0
fi
score=$(awk -v k="$killed" -v m="$mutants" -v e="$equivalent" \
  'BEGIN { d = m - e; if (d <= 0) print "n/a"; else printf "%.1f %%", 100 * k / d }')
echo "| $id | $mutants | $killed | $survived | $equivalent | $score | $time s |"
