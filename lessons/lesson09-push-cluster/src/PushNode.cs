using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson09;

/// <summary>
/// A push node: holds its users' WebSockets, tells the registry which users it holds, writes
/// messages to them, and takes a message out of the store only when its user acknowledges it.
/// Any number of nodes share one registry and one store; a node knows only its own connections.
/// </summary>
/// <remarks>
/// Many connections are served at once, and dispatch delivers and heartbeats beat while they are:
/// keep the node's table of connections (user → connection) in a concurrent collection. Send
/// through <see cref="PushSocket"/>, which already lets only one send through at a time.
/// </remarks>
public sealed class PushNode
{
    // Given: the node's collaborators. Add the table of its users' connections yourself.
    private readonly ISessionRegistry _registry;
    private readonly IMessageStore _store;
    private readonly TokenVerifier _tokens;
    private readonly PushNodeOptions _options;
    private readonly TimeProvider _time;

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
    public int ConnectedUsers =>
        throw new NotImplementedException("Task 2: count the users in the node's table of connections.");

    /// <summary>
    /// Serves one client from its upgrade request to the end of its connection: checks the token
    /// (401 without a WebSocket when it is refused), registers the user, welcomes it, sends what
    /// waits in the store, then removes each message the client acknowledges. On the way out it
    /// deregisters the user — unless the user has meanwhile connected again, here or elsewhere.
    /// </summary>
    public Task HandleConnectionAsync(HttpContext context) =>
        throw new NotImplementedException("Task 2: verify the token (401 if refused), accept the WebSocket, register user → node, send the welcome, read until the client leaves, deregister.");

    /// <summary>Writes <paramref name="message"/> to its user's connection on this node. False
    /// when the user has no connection here (or it broke while writing): the message stays stored.</summary>
    public Task<bool> DeliverAsync(PushMessage message, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: find the user's connection on this node and send the message frame; false if there is none.");

    /// <summary>
    /// Renews the registry entries of every user on this node each
    /// <see cref="PushNodeOptions.HeartbeatInterval"/>, until <paramref name="cancellationToken"/> is
    /// cancelled. A user whose entry is gone or names another node (it connected elsewhere) has
    /// its connection here closed with <see cref="WireProtocol.SessionMoved"/>.
    /// </summary>
    public Task RunHeartbeatsAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException("Task 5: every HeartbeatInterval (a PeriodicTimer on the node's TimeProvider), renew the entries of the users connected here; close those whose entry was lost.");
}
