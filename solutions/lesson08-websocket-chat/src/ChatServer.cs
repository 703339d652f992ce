using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NetCourse.Lesson08;

/// <summary>
/// A chat server on Kestrel: the page at <c>/</c>, WebSocket connections at
/// <c>/chat?room=…&amp;nick=…</c>. Members of a room get each other's messages and join and leave
/// notices, in one order per room; a client that stops reading is dropped instead of slowing
/// the room; <see cref="StopAsync"/> closes every connection with 1001 (Going Away).
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly ChatServerOptions _options;
    private readonly RoomRegistry _rooms = new();
    private readonly Lock _gate = new();
    private WebApplication? _app;
    private Uri? _address;
    private Task? _stopped;

    /// <param name="options">Limits and timings; <c>new ChatServerOptions()</c> when null.</param>
    public ChatServer(ChatServerOptions? options = null)
    {
        options ??= new ChatServerOptions();
        options.Validate();
        _options = options;
    }

    /// <summary>The page's address, <c>http://127.0.0.1:port/</c>, with the port the system chose.
    /// <see cref="ChatNames.ChatUri"/> gives a room's WebSocket address on it.</summary>
    public Uri Address => _address ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Clients in a room right now, all rooms together.</summary>
    public int ConnectedClients => _rooms.MemberCount;

    /// <summary>Starts Kestrel on <see cref="ChatServerOptions.EndPoint"/>; returns <see cref="Address"/>.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplication app;
        lock (_gate)
        {
            if (_app is not null) throw new InvalidOperationException("The server is already started.");
            _app = app = Build();
        }
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // Port 0 becomes a real port only when Kestrel binds: read it back from the server.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return _address = new Uri(address);
    }

    /// <summary>Stops accepting, closes every client with 1001 (a close frame, then up to
    /// <see cref="ChatServerOptions.CloseTimeout"/> for its answer), and stops Kestrel.</summary>
    public Task StopAsync()
    {
        lock (_gate) return _stopped ??= _app is null ? Task.CompletedTask : _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }

    private WebApplication Build()
    {
        // The empty builder: no configuration files, environment variables or logging providers,
        // so a server in a test behaves the same on every machine.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(_options.EndPoint, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddRoutingCore();
        // Kestrel's own last resort when stopping: after this, it aborts what is still open. Our
        // sessions close themselves within CloseTimeout, so this only catches a stuck one.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = _options.CloseTimeout + TimeSpan.FromSeconds(5));

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.ContentType = ChatPage.ContentType;
            return context.Response.WriteAsync(ChatPage.Html);
        });
        // Stopping the host raises ApplicationStopping first; each session answers it with a
        // close frame, and Kestrel waits for the sessions to end.
        var chat = new ChatEndpoint(_options, _rooms, app.Lifetime.ApplicationStopping);
        app.Map(ChatNames.ChatPath, chat.HandleAsync);
        return app;
    }
}
