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
exec "$dotnet_cmd" run --project "$here/harness/NetCourse.Grader/NetCourse.Grader.csproj" -v q --no-launch-profile -- "$@"
