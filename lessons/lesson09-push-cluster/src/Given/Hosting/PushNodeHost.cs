using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson09;

/// <summary>
/// One push node of a cluster: a <see cref="PushNode"/> behind its own Kestrel server, with its
/// own connection to the registry and store, and its heartbeats running. It maps
/// <c>GET /ws</c> (the clients' WebSockets) and <c>POST /deliver</c> (dispatch's deliveries) to the
/// node, and can be killed like a crashed process.
/// </summary>
public sealed class PushNodeHost : IAsyncDisposable
{
    private readonly ServiceHost _host;
    private readonly ServiceBackends _backends;
    private readonly Lifeline _lifeline;
    private readonly ConcurrentDictionary<HttpContext, byte> _webSockets;
    private readonly CancellationTokenSource _stopHeartbeats = new();
    private readonly ServiceFaults _faults;
    private Task _heartbeats = Task.CompletedTask;
    private int _state; // 0 running, 1 killed or stopped

    private PushNodeHost(string name, ServiceHost host, ServiceBackends backends, Lifeline lifeline,
        ConcurrentDictionary<HttpContext, byte> webSockets, PushNode node, ServiceFaults faults)
    {
        Name = name;
        _host = host;
        _backends = backends;
        _lifeline = lifeline;
        _webSockets = webSockets;
        Node = node;
        _faults = faults;
    }

    /// <summary><c>node-1</c>, <c>node-2</c>, …</summary>
    public string Name { get; }

    /// <summary>The node's address, <c>http://127.0.0.1:PORT</c>: its name in the registry.</summary>
    public string Address => _host.Address;

    public PushNode Node { get; }

    public bool IsAlive => Volatile.Read(ref _state) == 0;

    /// <summary>True once <see cref="KillAsync"/> has run (a stopped node was not killed).</summary>
    public bool WasKilled { get; private set; }

    /// <summary>WebSocket requests the node is serving right now.</summary>
    public int OpenWebSockets => _webSockets.Count;

    public override string ToString() => $"{Name} ({Address})";

    internal static async Task<PushNodeHost> StartAsync(string name, ClusterBackend backend, byte[] signingKey,
        PushClusterOptions options, ServiceFaults faults, CancellationToken cancellationToken, int port = 0)
    {
        var backends = await backend.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var lifeline = new Lifeline(name);
        var webSockets = new ConcurrentDictionary<HttpContext, byte>();
        // The node is made once the server listens: its address (its name in the registry) holds
        // the port, known only then. No request can arrive before anyone knows that port.
        PushNode? node = null;
        ServiceHost host;
        try
        {
            host = await ServiceHost.StartAsync(name, faults, app =>
            {
                app.MapGet(WireProtocol.WebSocketPath, async context =>
                {
                    webSockets.TryAdd(context, 0);
                    try { await node!.HandleConnectionAsync(context).ConfigureAwait(false); }
                    finally { webSockets.TryRemove(context, out _); }
                });
                app.MapPost(WireProtocol.DeliverPath, async context =>
                {
                    if (await ServiceHost.ReadJsonAsync(context, PushJson.Default.PushMessage).ConfigureAwait(false) is not { UserId.Length: > 0 } message)
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        return;
                    }
                    var delivered = await node!.DeliverAsync(message, context.RequestAborted).ConfigureAwait(false);
                    context.Response.StatusCode = delivered ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
                });
            }, cancellationToken, port).ConfigureAwait(false);
        }
        catch
        {
            await backends.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        node = new PushNode(host.Address,
            new SeverableRegistry(backends.Registry, lifeline), new SeverableStore(backends.Store, lifeline),
            new TokenVerifier(signingKey, options.Time), options.Node, options.Time);
        var nodeHost = new PushNodeHost(name, host, backends, lifeline, webSockets, node, faults);
        nodeHost.StartHeartbeats();
        return nodeHost;
    }

    private void StartHeartbeats()
    {
        var stop = _stopHeartbeats.Token;
        // Not under the caller's execution context: the heartbeats belong to the node, not to
        // whichever test or request started it.
        using (ExecutionContext.SuppressFlow())
            _heartbeats = Task.Run(async () =>
            {
                try
                {
                    await Node.RunHeartbeatsAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    _faults.Record(Name, "RunHeartbeatsAsync", e);
                }
            }, CancellationToken.None);
    }

    /// <summary>
    /// Kills the node as a crash would: from this moment its registry and store calls fail, its
    /// heartbeats stop, every client's socket drops without a close frame, and its port refuses
    /// connections. Nothing is deregistered: the node's entries stay in the registry until their
    /// TTL runs out.
    /// </summary>
    public async Task KillAsync()
    {
        if (Interlocked.Exchange(ref _state, 1) != 0) return;
        WasKilled = true;
        _lifeline.Cut();
        _stopHeartbeats.Cancel();
        AbortWebSockets();
        await _host.StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        await AwaitHeartbeatsAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the node: connections are dropped (their handlers still deregister their users),
    /// heartbeats stop, the server and its backend connection close.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 1) == 0)
        {
            _stopHeartbeats.Cancel();
            AbortWebSockets();
            await _host.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            await AwaitHeartbeatsAsync().ConfigureAwait(false);
        }
        await _host.DisposeAsync().ConfigureAwait(false);
        await _backends.DisposeAsync().ConfigureAwait(false);
        _stopHeartbeats.Dispose();
    }

    // Drops every client's connection without a close frame: the handlers see their sockets break.
    private void AbortWebSockets()
    {
        foreach (var context in _webSockets.Keys)
        {
            try
            {
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // That request ended between listing it and aborting it: nothing left to abort.
            }
        }
    }

    // Bounded: a heartbeat loop that ignores its token must not hold up a test's teardown.
    private async Task AwaitHeartbeatsAsync()
    {
        try
        {
            await _heartbeats.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _faults.Record(Name, "RunHeartbeatsAsync", new TimeoutException("the heartbeats did not stop within 5 s of their token being cancelled"));
        }
    }
}
