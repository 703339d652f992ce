#!/usr/bin/env bash
# grade.ps1 is tested, not hoped for: install PowerShell as a .NET tool into .build/tools/powershell
# (not globally), run grade.ps1 and grade.sh on the same commands and require the same output and
# exit codes, then Ctrl+C each out of --watch on a pseudo-terminal and require exit 0 from both.
# Its last line is "pwsh-smoke: N passed, M failed"; its exit code is 1 if anything differed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=7.6.9
tools=.build/tools/powershell
if [ ! -x "$tools/pwsh" ] || ! "$tools/pwsh" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -qx "$version"; then
  rm -rf "$tools"
  dotnet tool install --tool-path "$tools" PowerShell --version "$version" >/dev/null \
    || { echo "pwsh-smoke: could not install PowerShell $version"; echo "pwsh-smoke: 0 passed, 1 failed"; exit 1; }
fi
pwsh="$tools/pwsh"
out=$(mktemp -d "${TMPDIR:-/tmp}/netcourse-pwsh-smoke-XXXXXX")
trap 'rm -rf "$out"' EXIT
passed=0 failed=0

# same_as_bash NAME WANTED_EXIT ARGS...: both shims, same stdout+stderr (after the shim's name), same exit code.
same_as_bash() {
  local name=$1 wanted=$2; shift 2
  ./grade.sh "$@" >"$out/sh" 2>&1; local sh=$?
  "$pwsh" -NoProfile -File ./grade.ps1 "$@" >"$out/ps1" 2>&1; local ps1=$?
  sed -i 's/grade\.ps1/grade.sh/g' "$out/ps1"
  # The help text's columns follow the shim's name (one more letter in grade.ps1: the grader's own
  # tests check they line up); compare its words and line breaks.
  if [ "$name" = "--help" ]; then sed -i 's/  */ /g' "$out/sh" "$out/ps1"; fi
  if [ "$sh" = "$wanted" ] && [ "$ps1" = "$wanted" ] && cmp -s "$out/sh" "$out/ps1"; then
    echo "  ok    $name (exit $wanted from both)"; passed=$((passed + 1))
  else
    echo "  FAIL  $name: grade.sh exited $sh, grade.ps1 $ps1 (wanted $wanted)"
    diff "$out/sh" "$out/ps1" | head -20 | sed 's/^/        /'
    failed=$((failed + 1))
  fi
}

# ctrl_c_out_of_watch NAME COMMAND...: start --watch on a pseudo-terminal, type Ctrl+C during its
# first build, as a person would; it must exit 0 without a report of the cut-short build.
ctrl_c_out_of_watch() {
  local name=$1; shift
  local result
  result=$(python3 - "$@" <<'PY'
import os, pty, select, signal, sys, time
pid, fd = pty.fork()
if pid == 0:
    # A job started in the background (`cmd &`, some CI runners) has SIGINT ignored, and an
    # ignored signal stays ignored across exec: .NET then never hears the Ctrl+C. Give the child
    # the default a person's terminal has.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execvp(sys.argv[1], sys.argv[1:])
output, typed, deadline = b"", False, time.time() + 300
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if ready:
        try: data = os.read(fd, 65536)
        except OSError: break
        if not data: break
        output += data
    if not typed and b"Watching" in output:
        os.write(fd, b"\x03"); typed = True
# Bounded: a grader that ignores the Ctrl+C is killed and reported, never waited for.
for _ in range(300):
    done, status = os.waitpid(pid, os.WNOHANG)
    if done: break
    time.sleep(0.1)
else:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print("exit=hung (killed 30 s after the Ctrl+C; typed=%s)" % typed)
    sys.exit(0)
text = output.decode(errors="replace")
print("exit=%d compile-claim=%s" % (os.waitstatus_to_exitcode(status), "does not compile" in text))
PY
)
  if [ "$result" = "exit=0 compile-claim=False" ]; then
    echo "  ok    $name"; passed=$((passed + 1))
  else
    echo "  FAIL  $name: $result"; failed=$((failed + 1))
  fi
}

echo "pwsh-smoke: grade.ps1 on PowerShell $("$pwsh" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')"
same_as_bash "--help" 0 --help
same_as_bash "an unknown lesson" 2 lesson99
same_as_bash "lesson03 on the stub (not started)" 1 lesson03
same_as_bash "lesson03 --solution" 0 lesson03 --solution
if command -v python3 >/dev/null 2>&1; then
  ctrl_c_out_of_watch "Ctrl+C out of grade.sh --watch exits 0" ./grade.sh lesson03 --watch
  ctrl_c_out_of_watch "Ctrl+C out of grade.ps1 --watch exits 0" "$pwsh" -NoProfile -File ./grade.ps1 lesson03 --watch
fi
echo "pwsh-smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
