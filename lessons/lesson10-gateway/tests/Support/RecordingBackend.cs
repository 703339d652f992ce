using System.Collections.Concurrent;

namespace NetCourse.Lesson10.Tests.Support;

/// <summary>What a backend saw of one request.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A loopback Kestrel backend that records every request (not its health probes) and answers with
/// its own name, unless the test gives it another answer.
/// </summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private KestrelHost _host = null!;
    private int _probes;

    public string Name { get; private init; } = "";

    public Uri Address => _host.Address;

    public IReadOnlyList<SeenRequest> Seen => [.. _seen];

    public int Count => _seen.Count;

    public int Probes => Volatile.Read(ref _probes);

    /// <summary>Answers health probes (<c>/health</c>); true by default.</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>What to answer instead of 200 and the name; runs after the request is recorded.</summary>
    public Func<HttpContext, Task>? Answer { get; set; }

    public static async Task<RecordingBackend> StartAsync(string name, Func<HttpContext, Task>? answer = null)
    {
        var backend = new RecordingBackend { Name = name, Answer = answer };
        backend._host = await KestrelHost.StartAsync(backend.HandleAsync);
        return backend;
    }

    public BackendConfig Config(int weight = 1) => new(Name, Address, weight);

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/health")
        {
            Interlocked.Increment(ref _probes);
            context.Response.StatusCode = Healthy ? 200 : 503;
            return;
        }
        var answer = Answer;
        var body = "";
        if (answer is null)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _seen.Enqueue(new SeenRequest(context.Request.Method, $"{context.Request.Path}{context.Request.QueryString}", headers, body));
        if (answer is not null)
        {
            await answer(context);
            return;
        }
        context.Response.Headers["X-Backend"] = Name;
        await context.Response.WriteAsync(Name, context.RequestAborted);
    }

    public Task StopAsync() => _host.StopAsync(TimeSpan.FromSeconds(1));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
