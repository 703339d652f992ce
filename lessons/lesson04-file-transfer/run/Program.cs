using NetCourse.Lesson03;

// The Go material's file transfer as two programs: your lesson03 parses the command line, your
// lesson04 moves the bytes.
var usage = $"""
    Usage: RUN receive [DIR] [--port P] [--overwrite]
             Receive files into DIR (default: the current folder) on 127.0.0.1:P (default {ReceiveShorthand.DefaultPort}).
             The same as lesson03's own form, RUN receive P --dir DIR.
           RUN send FILE HOST:PORT
             Send FILE to the receiver at HOST:PORT.
      The command line is read by your lesson03 CommandLine.Parse; its usage text:

    {Usage.Text}
    """;

return await LessonProgram.RunAsync(args, usage, async (_, run) =>
{
    Command command;
    try { command = CommandLine.Parse(ReceiveShorthand.Rewrite(args)); }
    catch (UsageException e)
    {
        run.Error.WriteLine($"{Usage.ProgramName}: {e.Message}");
        run.Error.Write(usage.Replace("RUN", run.Command));
        return ExitCodes.Usage;
    }
    return command switch
    {
        SendCommand send => await Sending.RunAsync(send, run),
        ReceiveCommand receive => await Receiving.RunAsync(receive, run),
        _ => Help(run),
    };

    int Help(ProgramContext context)
    {
        context.Output.Write(usage.Replace("RUN", context.Command));
        return ExitCodes.Success;
    }
});
