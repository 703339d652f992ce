namespace NetCourse.Harness.Grading;

/// <summary>Where the test host's events go: a file for the grader, or plain lines for a person.</summary>
internal abstract class EventSink : IDisposable
{
    public abstract void Write(HostEvent e);
    public virtual void Dispose() { }

    public static EventSink ToFile(string path) => new FileSink(path);
    public static EventSink ToConsole() => new ConsoleSink();

    private sealed class FileSink(string path) : EventSink
    {
        // Opened so the grader can read while we write; every line is flushed to the OS at once.
        private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

        public override void Write(HostEvent e)
        {
            lock (_writer) _writer.WriteLine(e.ToJson());
        }

        public override void Dispose() => _writer.Dispose();
    }

    private sealed class ConsoleSink : EventSink
    {
        private readonly TextWriter _out = Console.Out;

        public override void Write(HostEvent e)
        {
            if (e.Type != HostEvent.End) return;
            lock (_out)
            {
                _out.WriteLine($"{e.Outcome,-12} {e.Id}");
                if (e.NotStarted is not null) _out.WriteLine($"             not started: {e.NotStarted}");
                else if (e.Message is not null) _out.WriteLine("             " + e.Message.ReplaceLineEndings("\n             "));
            }
        }
    }
}
