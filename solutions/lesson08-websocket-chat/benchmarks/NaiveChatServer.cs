using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace NetCourse.Lesson08.Benchmarks;

/// <summary>
/// The baseline: the chat most people write first. One room, a list of sockets, and a broadcast
/// that awaits each client's send in turn. No queues, no limits; one client that stops reading
/// stalls everyone (the lesson's broadcast-waits-for-each-client mutant, in its plainest form).
/// </summary>
public sealed class NaiveChatServer : IAsyncDisposable
{
    private readonly List<(WebSocket Socket, SemaphoreSlim Sending)> _clients = [];
    private WebApplication? _app;

    public async Task<Uri> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map(ChatNames.ChatPath, ServeAsync);
        await _app.StartAsync();
        return new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    private async Task ServeAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var nick = context.Request.Query[ChatNames.NickParameter].ToString();
        var me = (socket, new SemaphoreSlim(1, 1));
        lock (_clients) _clients.Add(me);
        var buffer = new byte[4096];
        long seq = 0;
        try
        {
            await BroadcastAsync(ChatJson.Serialize(ChatEvent.Joined("lobby", nick)));
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                if (ChatJson.TryReadPost(buffer.AsSpan(0, result.Count), out var post))
                    await BroadcastAsync(ChatJson.Serialize(ChatEvent.Message("lobby", nick, post.Text, ++seq)));
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            lock (_clients) _clients.Remove(me);
        }
    }

    private async Task BroadcastAsync(byte[] frame)
    {
        (WebSocket Socket, SemaphoreSlim Sending)[] clients;
        lock (_clients) clients = [.. _clients];
        foreach (var (socket, sending) in clients)
        {
            await sending.WaitAsync();
            try
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                sending.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        (WebSocket Socket, SemaphoreSlim Sending)[] clients;
        lock (_clients) clients = [.. _clients];
        foreach (var (socket, _) in clients) socket.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
