namespace NetCourse.Grading.Protocol;

/// <summary>
/// The host's end of the event stream: each event as one signed line (<c>JSON \t MAC</c>, numbered
/// from 0), written whole under a lock, so events from several threads never interleave.
/// </summary>
public sealed class EventWriter : IDisposable
{
    private readonly TextWriter _output;
    private readonly EventSignature _signature;
    private long _sequence;

    /// <param name="output">where the lines go; flush it per line (AutoFlush) so a crash loses nothing written.</param>
    /// <param name="key">the run's key; the caller's copy is wiped.</param>
    public EventWriter(TextWriter output, byte[] key)
    {
        _output = output;
        _signature = new EventSignature(key);
    }

    public void Write(HostEvent e)
    {
        var json = EventJson.Serialize(e);
        lock (_output) _output.Write(_signature.Sign(_sequence++, json) + "\n");
    }

    public void Dispose()
    {
        _output.Dispose();
        _signature.Dispose();
    }
}
