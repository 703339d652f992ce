namespace NetCourse.Harness.Grading;

/// <summary>Where the test host's events go: the grader's signed channel, or plain lines for a person.</summary>
internal abstract class EventSink : IDisposable
{
    public abstract void Write(HostEvent e);
    public virtual void Dispose() { }

    public static EventSink ToChannel(Stream channel, EventSignature signature) => new ChannelSink(channel, signature);
    public static EventSink ToConsole() => new ConsoleSink();

    /// <summary>
    /// Signed lines on the stream the grader handed over (the process's original standard output;
    /// the host points <see cref="Console.Out"/> elsewhere before any learner code runs). Every line
    /// is flushed at once, so whatever the learner's code does next, the verdicts so far survive.
    /// </summary>
    private sealed class ChannelSink(Stream channel, EventSignature signature) : EventSink
    {
        private readonly StreamWriter _writer = new(channel, new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        private long _sequence;

        public override void Write(HostEvent e)
        {
            lock (_writer) _writer.WriteLine(signature.Sign(_sequence++, e.ToJson()));
        }

        public override void Dispose()
        {
            _writer.Dispose();
            signature.Dispose();
        }
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
