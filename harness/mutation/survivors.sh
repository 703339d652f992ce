#!/usr/bin/env bash
# The survivors (and mutants no test covers) of a lesson's last Stryker run, one a line:
# file:line, status, mutator, and the replacement code, to classify into gaps and equivalents.
#
#   harness/mutation/survivors.sh lesson01
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
id="${1:?usage: harness/mutation/survivors.sh lessonNN}"
report="$root/.build/mutation/$id/reports/mutation-report.json"
jq -r '.files | to_entries[] | .key as $f | .value.mutants[]
  | select(.status == "Survived" or .status == "NoCoverage")
  | "\($f | split("/") | last):\(.location.start.line)\t\(.status)\t\(.mutatorName)\t\(.replacement | gsub("\\s+"; " ") | .[0:90])"' "$report"
