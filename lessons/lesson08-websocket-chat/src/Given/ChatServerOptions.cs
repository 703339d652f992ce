using System.Net;

namespace NetCourse.Lesson08;

/// <summary>The limits and timings of a <see cref="ChatServer"/>.</summary>
public sealed record ChatServerOptions
{
    /// <summary>Where to listen: loopback, a port the system chooses, by default. A class demo can
    /// listen on <c>0.0.0.0:8080</c> so phones on the room's network join in.</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>The longest text message a client may send, in bytes, all its frames together.
    /// Longer: the connection is closed with 1009 (Message Too Big).</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024;

    /// <summary>Messages waiting to be sent to one client. A client whose queue is full is not
    /// keeping up: it is dropped, so it never holds up the room.</summary>
    public int SendQueueCapacity { get; init; } = 256;

    /// <summary>How often the server pings a client (a Ping frame; the client's WebSocket answers
    /// with a Pong by itself).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a ping may wait for its pong before the connection is deemed dead and aborted.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The origins (<c>scheme://host[:port]</c>) whose pages may connect; null allows every
    /// origin. A request without an <c>Origin</c> header (a program, not a browser) is always allowed.</summary>
    public IReadOnlyCollection<string>? AllowedOrigins { get; init; }

    /// <summary>How long the server waits for a client to answer its close frame (shutdown, a
    /// message too big…) before it aborts the connection.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of <see cref="CloseTimeout"/>. Keep-alive runs on the WebSocket's own timers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(EndPoint, nameof(EndPoint));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueCapacity, 1, nameof(SendQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero, nameof(KeepAliveInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveTimeout, TimeSpan.Zero, nameof(KeepAliveTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(CloseTimeout, TimeSpan.Zero, nameof(CloseTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
