using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson09;

/// <summary>
/// A push node: holds its users' WebSockets, tells the registry which users it holds, writes
/// messages to them, and takes a message out of the store only when its user acknowledges it.
/// Any number of nodes share one registry and one store; a node knows only its own connections.
/// </summary>
public sealed partial class PushNode
{
    private readonly ISessionRegistry _registry;
    private readonly IMessageStore _store;
    private readonly TokenVerifier _tokens;
    private readonly PushNodeOptions _options;
    private readonly TimeProvider _time;

    // The local half of routing: the connection of each user this node holds. The registry says
    // which node; this says which socket.
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <param name="address">This node's address (<c>http://127.0.0.1:PORT</c>): its name in the registry.</param>
    /// <param name="registry">The session registry shared by the cluster.</param>
    /// <param name="store">The message store shared by the cluster.</param>
    /// <param name="tokens">Checks the token of each connection.</param>
    /// <param name="options">TTL and heartbeat interval; <c>new PushNodeOptions()</c> when null.</param>
    /// <param name="time">The clock of the heartbeats; <see cref="TimeProvider.System"/> when null.</param>
    public PushNode(string address, ISessionRegistry registry, IMessageStore store, TokenVerifier tokens,
        PushNodeOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokens);
        options ??= new PushNodeOptions();
        options.Validate();
        Address = address;
        _registry = registry;
        _store = store;
        _tokens = tokens;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public string Address { get; }

    /// <summary>Users with an open connection on this node.</summary>
    public int ConnectedUsers => _sessions.Count;

    /// <summary>
    /// Serves one client from its upgrade request to the end of its connection: checks the token
    /// (401 without a WebSocket when it is refused), registers the user, welcomes it, sends what
    /// waits in the store, then removes each message the client acknowledges. On the way out it
    /// deregisters the user — unless the user has meanwhile connected again, here or elsewhere.
    /// </summary>
    public async Task HandleConnectionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // Before the upgrade: a refused client gets an HTTP answer and never a socket.
        var check = _tokens.Verify(context.Request.Query[WireProtocol.TokenParameter]);
        if (!check.IsValid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var userId = check.UserId!;
        var connectionEnded = context.RequestAborted;
        await using var socket = await PushSocket.AcceptAsync(context).ConfigureAwait(false);
        var session = new Session(userId, socket);
        // Into the local table before the registry: once registered, dispatch may deliver at once,
        // and the delivery must find the socket. The newest connection of a user wins.
        Session? replaced = null;
        _sessions.AddOrUpdate(userId, session, (_, old) => { replaced = old; return session; });
        if (replaced is not null) await replaced.Socket.CloseAsync(WireProtocol.Replaced, "replaced by a newer connection", connectionEnded).ConfigureAwait(false);

        try
        {
            await _registry.RegisterAsync(userId, Address, _options.RegistrationTtl, connectionEnded).ConfigureAwait(false);
            session.IsRegistered = true;
            await socket.SendAsync(new WelcomeFrame(userId, Address), connectionEnded).ConfigureAwait(false);

            // Only now read the store. A message stored after this read was looked up by dispatch
            // after the registration above, so it is sent here. Reading first would leave a gap:
            // stored after the read, looked up before the registration — stranded until the next
            // connection.
            foreach (var message in await _store.PendingAsync(userId, connectionEnded).ConfigureAwait(false))
                await socket.SendAsync(MessageFrame.From(message), connectionEnded).ConfigureAwait(false);

            // From here the client only acknowledges. A message leaves the store when its user has
            // it, not when it was written to a socket: written, it can still die in a buffer with
            // the node or the connection.
            while (await socket.ReceiveAsync(connectionEnded).ConfigureAwait(false) is { } frame)
                if (frame is AckFrame ack) await _store.RemoveAsync(userId, ack.Id, connectionEnded).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The client vanished, the node is going down, or the backend is unreachable: the
            // connection ends either way, and everything unacknowledged is still in the store.
        }
        finally
        {
            // Only the session that still owns the user here deregisters it, and only if the entry
            // still names this node: a user who reconnected (here or elsewhere) keeps the new one.
            if (_sessions.TryRemove(KeyValuePair.Create(userId, session)))
                await UnregisterAsync(userId).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <paramref name="message"/> to its user's connection on this node. False
    /// when the user has no connection here (or it broke while writing): the message stays stored.</summary>
    public async Task<bool> DeliverAsync(PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_sessions.TryGetValue(message.UserId, out var session)) return false;
        try
        {
            await session.Socket.SendAsync(MessageFrame.From(message), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task UnregisterAsync(string userId)
    {
        try
        {
            // Not the connection's token: it is cancelled already, and the entry must still go.
            await _registry.UnregisterAsync(userId, Address, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The registry is unreachable: the entry expires by itself at the end of its TTL.
        }
    }

    /// <summary>One user's connection on this node.</summary>
    private sealed class Session(string userId, PushSocket socket)
    {
        public string UserId { get; } = userId;

        public PushSocket Socket { get; } = socket;

        // Set once the registry holds the entry: heartbeats renew only sessions past that point, so
        // a connection still registering is never mistaken for one whose entry was lost.
        public volatile bool IsRegistered;
    }
}
