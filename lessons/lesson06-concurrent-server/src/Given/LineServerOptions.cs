using System.Net;

namespace NetCourse.Lesson06;

/// <summary>The limits that let a <see cref="LineServer"/> survive real clients.</summary>
public sealed record LineServerOptions
{
    /// <summary>Where to listen: loopback, a port the system chooses, by default.</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Connections served at once; the next one is refused with <see cref="LineProtocol.Busy"/>.</summary>
    public int MaxConnections { get; init; } = 1_000;

    /// <summary>The longest request line, in bytes, without its line break.</summary>
    public int MaxLineLength { get; init; } = 1_024;

    /// <summary>How long a connection may wait for the first byte of its next line.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a line may take to arrive, from its first byte to its line break.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="LineServer.StopAsync"/> lets lines in progress finish before it aborts them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Connections the operating system may hold, not yet accepted.</summary>
    public int Backlog { get; init; } = 512;

    /// <summary>
    /// Told of every exception a <see cref="LineHandler"/> throws (or its task faults with), as
    /// it is; the server then closes that one connection without answering the line, and keeps
    /// serving the others. Null: the failure is not reported, the connection is still closed.
    /// Called on the connection's task; it should not throw.
    /// </summary>
    public Action<Exception>? HandlerFailed { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(EndPoint, nameof(EndPoint));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 1, nameof(MaxLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReadTimeout, TimeSpan.Zero, nameof(ReadTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(Backlog, 1, nameof(Backlog));
    }
}
