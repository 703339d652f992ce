using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// One notebook's kernel: each cell is a submission that continues the state of the previous
/// ones, so variables, usings and types flow down the notebook as in VS Code. The outputs come
/// from the kernel's events, so a cell that runs out of time still shows what it printed.
/// </summary>
internal sealed class NotebookSession : IDisposable
{
    private readonly CompositeKernel _kernel = KernelSetup.Create();
    private readonly IDisposable _events;
    private readonly TimeSpan _grace;
    private volatile OutputCollector? _current;

    public NotebookSession(TimeSpan grace)
    {
        _grace = grace;
        _events = _kernel.KernelEvents.Subscribe(Route);
    }

    public async Task<CellRun> RunAsync(string source, TimeSpan timeLimit)
    {
        var collector = new OutputCollector();
        _current = collector;
        try
        {
            var submission = _kernel.SendAsync(new SubmitCode(source, KernelSetup.CSharp));
            if (!await Within(submission, timeLimit)) return await StopAsync(submission, collector, timeLimit);
            var failure = (await submission).Events.OfType<CommandFailed>().FirstOrDefault();
            return new CellRun(collector.Outputs, failure is null ? null : CellFailureText.Of(failure, (await submission).Events));
        }
        finally { _current = null; }
    }

    /// <summary>
    /// Polyglot's own way to stop a cell: a Cancel command. It ends a cell that awaits; a cell
    /// busy on a thread keeps the C# kernel, which a short probe submission then finds out.
    /// </summary>
    private async Task<CellRun> StopAsync(Task<KernelCommandResult> submission, OutputCollector collector, TimeSpan timeLimit)
    {
        await Within(_kernel.SendAsync(new Cancel()), _grace);
        // The probe compiles, which on a busy machine takes a while: it gets more time than the cancel.
        var stopped = await Within(submission, _grace)
            && await Within(_kernel.SendAsync(new SubmitCode("// is the kernel free again?", KernelSetup.CSharp)), 5 * _grace);
        var limit = timeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new CellRun(collector.Outputs, $"ran past its time limit of {limit} s" + (stopped ? " and was stopped" : " and could not be stopped"))
        {
            StillRunning = !stopped,
        };
    }

    private void Route(KernelEvent e)
    {
        if (_current is not { } cell) return;
        switch (e)
        {
            case StandardOutputValueProduced stdout: cell.Write(OutputKind.Stdout, PlainTextOf(stdout)); break;
            case StandardErrorValueProduced stderr: cell.Write(OutputKind.Stderr, PlainTextOf(stderr)); break;
            case DisplayedValueUpdated updated when Output(updated) is { } output: cell.Update(output, updated.ValueId); break;
            // A trailing expression's value and a display(...) call: VS Code stores both as display_data.
            case DisplayEvent shown when shown is DisplayedValueProduced or ReturnValueProduced && Output(shown) is { } output:
                cell.Display(output, shown.ValueId);
                break;
        }
    }

    private static string PlainTextOf(DisplayEvent e) =>
        string.Concat(e.FormattedValues.Where(v => v.MimeType == CellOutput.PlainText).Select(v => v.Value));

    private static CellOutput? Output(DisplayEvent e)
    {
        var mimeType = OutputElements.PreferredMimeType(e.FormattedValues.Select(v => v.MimeType));
        return mimeType is null ? null : CellOutput.Display(e.FormattedValues.First(v => v.MimeType == mimeType).Value, mimeType);
    }

    private static async Task<bool> Within(Task task, TimeSpan limit)
    {
        using var timer = new CancellationTokenSource();
        var first = await Task.WhenAny(task, Task.Delay(limit, timer.Token));
        await timer.CancelAsync();
        return first == task;
    }

    public void Dispose()
    {
        _events.Dispose();
        _kernel.Dispose();
    }
}
