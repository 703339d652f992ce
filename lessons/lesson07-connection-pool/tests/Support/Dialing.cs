namespace NetCourse.Lesson07.Tests.Support;

/// <summary>
/// The dial function given to the pool: an NSubstitute substitute of
/// <see cref="IConnectionDialer{TConnection}"/> that opens a new <see cref="FakeConnection"/> per
/// call, so a test can count dials (<c>Dialer.ReceivedCalls()</c>), make a dial fail
/// (<c>Dialer.Configure().DialAsync(default).ThrowsAsyncForAnyArgs(...)</c>) or hold it pending.
/// </summary>
public sealed class Dialing
{
    private readonly object _gate = new();
    private readonly List<FakeConnection> _opened = [];
    private int _open, _maxOpen;

    public Dialing()
    {
        Dialer.DialAsync(default).ReturnsForAnyArgs(_ => new ValueTask<FakeConnection>(Open()));
    }

    public IConnectionDialer<FakeConnection> Dialer { get; } = Substitute.For<IConnectionDialer<FakeConnection>>();

    /// <summary>How many times the pool called the dialer.</summary>
    public int Dials => Dialer.ReceivedCalls().Count();

    /// <summary>Connections opened and not yet closed.</summary>
    public int OpenCount => Volatile.Read(ref _open);

    /// <summary>The most connections ever open at once.</summary>
    public int MaxOpen => Volatile.Read(ref _maxOpen);

    public IReadOnlyList<FakeConnection> Opened
    {
        get { lock (_gate) return [.. _opened]; }
    }

    public FakeConnection Open()
    {
        lock (_gate)
        {
            var connection = new FakeConnection(_opened.Count + 1, this);
            _opened.Add(connection);
            _open++;
            _maxOpen = Math.Max(_maxOpen, _open);
            return connection;
        }
    }

    internal void OnClosed()
    {
        lock (_gate) _open--;
    }
}
