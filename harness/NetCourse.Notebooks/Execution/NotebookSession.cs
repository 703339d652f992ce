using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// One notebook's Roslyn scripting session: each cell is a submission that continues the state
/// of the previous ones, so variables, usings and types flow down the notebook as in Polyglot.
/// </summary>
internal sealed partial class NotebookSession(string notebookPath, TimeSpan grace)
{
    private readonly ScriptOptions _options = ScriptSetup.For(notebookPath);
    private readonly NotebookGlobals _globals = new();
    private ScriptState<object>? _state;

    public async Task<CellRun> RunAsync(string source, TimeSpan timeLimit)
    {
        Script<object> script;
        try
        {
            var code = CellSource.Prepare(source);
            script = _state is null
                ? CSharpScript.Create<object>(code, _options, typeof(NotebookGlobals))
                : _state.Script.ContinueWith<object>(code, _options);
        }
        catch (InvalidDataException e) { return new CellRun([], e.Message); }

        // Compiling first keeps compile errors apart from run-time ones, and tells whether the cell
        // ends in an expression whose value Polyglot would show (a trailing void call shows nothing).
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return new CellRun([], "does not compile:\n" + string.Join('\n', errors.Select(Describe)));
        var hasValue = TrailingExpression.HasValue(script.GetCompilation());

        var collector = new OutputCollector();
        using var cancel = new CancellationTokenSource();
        var previous = _state;
        // Set just around Task.Run: the value flows into the cell's task and everything it starts.
        ConsoleCapture.Current = collector;
        var run = Task.Run(() => previous is null
            ? script.RunAsync(_globals, cancellationToken: cancel.Token)
            : script.RunFromAsync(previous, cancellationToken: cancel.Token));
        ConsoleCapture.Current = null;

        if (!await Within(run, timeLimit))
        {
            // Roslyn only observes the token between submissions: a busy cell keeps going, and is abandoned.
            await cancel.CancelAsync();
            var stopped = await Within(run, grace);
            return new CellRun(collector.Outputs, $"ran past its time limit of {timeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
                + (stopped ? "" : " and could not be stopped")) { StillRunning = !stopped };
        }

        try { _state = await run; }
        catch (Exception e) { return new CellRun(collector.Outputs, Describe(e)); }

        if (hasValue) collector.Add(CellOutput.Result(PlainText.Format(_state.ReturnValue)));
        return new CellRun(collector.Outputs);
    }

    private static async Task<bool> Within(Task task, TimeSpan limit)
    {
        using var timer = new CancellationTokenSource();
        var first = await Task.WhenAny(task, Task.Delay(limit, timer.Token));
        await timer.CancelAsync();
        return first == task;
    }

    private static string Describe(Diagnostic error)
    {
        var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
        var message = $"  line {line}: {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}";
        // CS0006: a #r'd assembly is missing, almost always because the course is not built yet.
        return error.Id == "CS0006" ? message + " (build the course first: dotnet build)" : message;
    }

    private static string Describe(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        var line = CellLine().Match(e.StackTrace ?? "");
        var where = line.Success ? $" at line {line.Groups[1].Value}" : "";
        return $"threw {e.GetType().Name}{where}: {e.Message}";
    }

    // A stack frame inside a submission names the notebook (the script's file path) and the cell's line.
    [GeneratedRegex(@"Submission#\d+.*:line (\d+)")]
    private static partial Regex CellLine();
}
