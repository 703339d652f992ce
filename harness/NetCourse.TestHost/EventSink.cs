using NetCourse.Grading.Protocol;

namespace NetCourse.TestHost;

/// <summary>Where the test host's events go: the grader's signed channel, or plain lines for a person.</summary>
internal abstract class EventSink : IDisposable
{
    public abstract void Write(HostEvent e);
    public virtual void Dispose() { }

    /// <param name="key">the run's event key; the caller's copy is wiped.</param>
    public static EventSink ToChannel(Stream channel, byte[] key) => new ChannelSink(channel, key);
    public static EventSink ToConsole() => new ConsoleSink();

    /// <summary>
    /// Signed lines (<see cref="EventWriter"/>) on the stream the grader handed over (the process's
    /// original standard output; the host points <see cref="Console.Out"/> elsewhere before any
    /// learner code runs). Every line is flushed at once, so whatever the learner's code does next,
    /// the verdicts so far survive.
    /// </summary>
    private sealed class ChannelSink(Stream channel, byte[] key) : EventSink
    {
        private readonly EventWriter _writer = new(new StreamWriter(channel, new System.Text.UTF8Encoding(false)) { AutoFlush = true }, key);

        public override void Write(HostEvent e) => _writer.Write(e);

        public override void Dispose() => _writer.Dispose();
    }

    private sealed class ConsoleSink : EventSink
    {
        private readonly TextWriter _out = Console.Out;

        public override void Write(HostEvent e)
        {
            if (e is not TestEnded end) return;
            lock (_out)
            {
                _out.WriteLine($"{end.Outcome.Text(),-12} {end.Id}");
                if (end.NotStarted is not null) _out.WriteLine($"             not started: {end.NotStarted}");
                else if (end.Message is not null) _out.WriteLine("             " + end.Message.ReplaceLineEndings("\n             "));
            }
        }
    }
}
