#!/usr/bin/env bash
# NetCourse grader. All the logic lives in C# (harness/NetCourse.Grader); this shim only finds
# the .NET SDK and forwards its arguments. Try: ./grade.sh --help
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

dotnet_cmd="$(command -v dotnet || true)"
for candidate in "${DOTNET_ROOT:-}/dotnet" "$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/local/share/dotnet/dotnet; do
  [ -n "$dotnet_cmd" ] && break
  [ -x "$candidate" ] && dotnet_cmd="$candidate"
done
if [ -z "$dotnet_cmd" ]; then
  echo "grade: the .NET SDK was not found. NetCourse needs .NET 10: install it from https://dotnet.microsoft.com/download/dotnet/10.0 and run this again." >&2
  exit 127
fi

export NETCOURSE_REPO="$here" NETCOURSE_SHIM="./grade.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDTERMINALLOGGER=off

# Build the grader only when its sources (its own, and the protocol's: the one project it
# references) are newer than its binary (saves `dotnet run`'s two seconds of checking on every
# grade), then run it.
grader="$here/.build/bin/harness/NetCourse.Grader/NetCourse.Grader.dll"
if [ ! -f "$grader" ] || [ -n "$(find "$here/harness/NetCourse.Grader" "$here/harness/NetCourse.Grading.Protocol" "$here/Directory.Build.props" \
      "$here/Directory.Build.targets" "$here/Directory.Packages.props" "$here/global.json" -newer "$grader" \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' \) 2>/dev/null | head -n 1)" ]; then
  # Say what the silence is (a terminal only: scripts and CI read stderr for errors).
  if [ -t 2 ]; then
    if [ -f "$grader" ]; then echo "grade: its sources changed, so the grader is built again (a few seconds)..." >&2
    else echo "grade: building the grader first (once, about a minute on a fresh copy)..." >&2; fi
  fi
  if ! build_output="$("$dotnet_cmd" build "$here/harness/NetCourse.Grader/NetCourse.Grader.csproj" -nologo -v q -tl:off -m:1 2>&1)"; then
    echo "grade: the grader itself does not build:" >&2
    echo "$build_output" >&2
    exit 1
  fi
  touch "$grader"
fi
exec "$dotnet_cmd" "$grader" "$@"
