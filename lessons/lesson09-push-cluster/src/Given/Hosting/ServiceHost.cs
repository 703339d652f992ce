using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NetCourse.Lesson09;

/// <summary>
/// Errors thrown inside a cluster's services (the code under test runs there, on Kestrel's
/// threads, where no test sees an exception): collected so a failing test can show them. The
/// same error from several services (three nodes, one bug) is listed once.
/// </summary>
public sealed class ServiceFaults
{
    private const int Kept = 20;
    private readonly Lock _gate = new();
    private readonly List<(string Error, List<string> Services)> _faults = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_gate) return [.. _faults.Select(f => $"{string.Join(", ", f.Services.Distinct())}: {f.Error}{(f.Services.Count > 1 ? $" ({f.Services.Count} times)" : "")}")];
        }
    }

    public void Record(string service, string what, Exception error)
    {
        Interlocked.Increment(ref _count);
        var text = $"{what}: {error.GetType().Name}: {error.Message}{Where(error)}";
        lock (_gate)
        {
            var known = _faults.FindIndex(f => f.Error == text);
            if (known >= 0) _faults[known].Services.Add(service);
            else if (_faults.Count < Kept) _faults.Add((text, [service]));
        }
    }

    // The first frame of the course's code is where it went wrong; the rest is Kestrel's plumbing.
    private static string Where(Exception error)
    {
        var frame = (error.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at NetCourse.", StringComparison.Ordinal));
        if (frame is null) return "";
        var file = frame.LastIndexOf(" in ", StringComparison.Ordinal);
        return file < 0 ? $" ({frame})" : $" ({frame[..file]}, {Path.GetFileName(frame[(file + 4)..])})";
    }

    public override string ToString() => Count == 0 ? "(none)" : string.Join("\n", All);
}

/// <summary>One service of the cluster: a Kestrel server on 127.0.0.1, port 0 (the port is read
/// back once it listens), with nothing but what the service maps — no configuration files, no
/// logging, no file watchers, so a test can start a dozen of them.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(string name, WebApplication app, string address)
    {
        Name = name;
        _app = app;
        Address = address;
    }

    public string Name { get; }

    /// <summary><c>http://127.0.0.1:PORT</c></summary>
    public string Address { get; }

    public static async Task<ServiceHost> StartAsync(string name, ServiceFaults faults, Action<WebApplication> map, CancellationToken cancellationToken, int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ServiceHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        var app = builder.Build();

        // Requests run under the execution context of whoever started the service (a test): an
        // error in them is the starter's, as if it had called the code itself, and the grader can
        // say which member of the code under test was not written yet.
        var starter = ExecutionContext.Capture();
        app.Use((context, next) => starter is null ? ServeAsync(context, next) : RunAs(starter, () => ServeAsync(context, next)));

        // Anything the service's code throws is recorded for the test, and answered with a 500.
        async Task ServeAsync(HttpContext context, RequestDelegate next)
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The caller went away (or the service is stopping): nothing went wrong here.
            }
            catch (Exception e)
            {
                faults.Record(name, $"{context.Request.Method} {context.Request.Path}", e);
                if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
        app.UseWebSockets();
        map(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ServiceHost(name, app, address.TrimEnd('/'));
    }

    /// <summary>Stops listening; requests still running get <paramref name="grace"/> to finish, then their connections are aborted.</summary>
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

    /// <summary>Reads a JSON body; null when it is missing or not the expected shape.</summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return await context.Request.ReadFromJsonAsync(type, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static Task WriteJsonAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(value, type, contentType: null, context.RequestAborted);
    }
}
