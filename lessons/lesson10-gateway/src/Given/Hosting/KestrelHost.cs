using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NetCourse.Lesson10;

/// <summary>
/// A bare Kestrel server on 127.0.0.1: no configuration files, no logging, no file watchers, so a
/// test can start a dozen (the gateway is one, the test backends are the others). Kestrel's own
/// limits stay at their defaults, and they are the gateway's first defence: more than 100 request
/// headers or 32 KiB of them is a 431, a request line over 8 KiB a 414, before any code of ours runs.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _faults;

    private KestrelHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri Address { get; }

    public int Port => Address.Port;

    /// <summary>How many requests ended in an exception the handler did not catch (answered 500).</summary>
    public int Faults => Volatile.Read(ref _faults);

    /// <summary>The last such exception, for a test's failure message.</summary>
    public Exception? LastFault { get; private set; }

    /// <summary>Starts a server that answers every request with <paramref name="handle"/>.</summary>
    public static Task<KestrelHost> StartAsync(RequestDelegate handle, int port = 0, CancellationToken cancellationToken = default) =>
        StartAsync(app => app.Run(handle), port, cancellationToken);

    /// <summary>Starts a server whose pipeline <paramref name="map"/> builds (WebSockets are on).</summary>
    public static async Task<KestrelHost> StartAsync(Action<WebApplication> map, int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(KestrelHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            // A proxy streams bodies of any size; the 30 MB default would cut large uploads.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        var app = builder.Build();
        KestrelHost? host = null;

        // Requests run under the execution context of whoever started the server (a test): the
        // grader can then tell which member of the code under test is not written yet.
        var starter = ExecutionContext.Capture();
        app.Use((context, next) => starter is null ? ServeAsync(context, next) : RunAs(starter, () => ServeAsync(context, next)));
        async Task ServeAsync(HttpContext context, RequestDelegate next)
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away, or the server is stopping: nothing went wrong here.
            }
            catch (Exception e)
            {
                if (host is not null)
                {
                    host.LastFault = e;
                    Interlocked.Increment(ref host._faults);
                }
                if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                else context.Abort();
            }
        }
        app.UseWebSockets();
        map(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host = new KestrelHost(app, new Uri(address.TrimEnd('/') + "/"));
        return host;
    }

    /// <summary>Stops listening; requests still running get <paramref name="grace"/>, then their connections are aborted.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Task RunAs(ExecutionContext starter, Func<Task> work)
    {
        Task? running = null;
        ExecutionContext.Run(starter, _ => running = work(), null);
        return running!;
    }
}
