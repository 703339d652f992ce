# NetCourse grader for PowerShell (Windows, macOS, Linux). All the logic lives in C#
# (harness/NetCourse.Grader); this shim only finds the .NET SDK and forwards its arguments.
# Try: ./grade.ps1 --help
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot

$dotnet = Get-Command dotnet -ErrorAction SilentlyContinue
if (-not $dotnet) {
    foreach ($candidate in @("$env:DOTNET_ROOT/dotnet", "$env:DOTNET_ROOT/dotnet.exe", "$HOME/.dotnet/dotnet", '/usr/share/dotnet/dotnet', '/usr/local/share/dotnet/dotnet', "$env:ProgramFiles/dotnet/dotnet.exe")) {
        if ($candidate -and (Test-Path $candidate)) { $dotnet = Get-Item $candidate; break }
    }
}
if (-not $dotnet) {
    [Console]::Error.WriteLine("grade: the .NET SDK was not found. NetCourse needs .NET 10: install it from https://dotnet.microsoft.com/download/dotnet/10.0 and run this again.")
    exit 127
}
$dotnetPath = if ($dotnet.Source) { $dotnet.Source } else { $dotnet.FullName }

$env:NETCOURSE_REPO = $here
$env:NETCOURSE_SHIM = './grade.ps1'
$env:DOTNET_NOLOGO = '1'; $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'; $env:MSBUILDTERMINALLOGGER = 'off'
# Build the grader only when its sources (its own, and the protocol's: the one project it references) are newer than its binary, then run it.
$grader = Join-Path $here '.build/bin/harness/NetCourse.Grader/NetCourse.Grader.dll'
$sources = @('harness/NetCourse.Grader', 'harness/NetCourse.Grading.Protocol', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'global.json') |
    ForEach-Object { Get-ChildItem (Join-Path $here $_) -Recurse -File -Include *.cs, *.csproj, *.props, *.targets, *.json -ErrorAction SilentlyContinue }
$stale = -not (Test-Path $grader) -or ($sources | Where-Object { $_.LastWriteTimeUtc -gt (Get-Item $grader).LastWriteTimeUtc } | Select-Object -First 1)
if ($stale) {
    # Say what the silence is (a terminal only: scripts and CI read stderr for errors).
    if (-not [Console]::IsErrorRedirected) {
        if (Test-Path $grader) { [Console]::Error.WriteLine('grade: its sources changed, so the grader is built again (a few seconds)...') }
        else { [Console]::Error.WriteLine('grade: building the grader first (once, about a minute on a fresh copy)...') }
    }
    $buildOutput = & $dotnetPath build (Join-Path $here 'harness/NetCourse.Grader/NetCourse.Grader.csproj') -nologo -v q -tl:off -m:1 2>&1
    if ($LASTEXITCODE -ne 0) {
        [Console]::Error.WriteLine('grade: the grader itself does not build:')
        $buildOutput | ForEach-Object { [Console]::Error.WriteLine($_) }
        exit 1
    }
    (Get-Item $grader).LastWriteTimeUtc = [DateTime]::UtcNow
}
# Ctrl+C reaches PowerShell as well as the grader: the grader ends --watch cleanly (exit 0), but
# PowerShell stops this script, skipping a plain `exit` (so `pwsh ./grade.ps1` exited 1). A
# finally block still runs; where this pwsh was started to run this script, end it with the
# grader's exit code. (In an interactive session, leave the session alone: $LASTEXITCODE says it.)
$startedForThisScript = [Environment]::GetCommandLineArgs() | Select-Object -Skip 1 |
    Where-Object { -not $_.StartsWith('-') -and [IO.Path]::GetFullPath($_) -eq $PSCommandPath }
try {
    & $dotnetPath $grader @args
}
finally {
    if ($startedForThisScript) { [Environment]::Exit($LASTEXITCODE) }
}
exit $LASTEXITCODE
