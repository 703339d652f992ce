using System.Net;
using Microsoft.AspNetCore.Http;
using NetCourse.Lesson10;

/// <summary>
/// Two backends to put behind the gateway, on the lesson's own KestrelHost: each answers with its
/// name and what it received (the path, the X-Forwarded-* headers), so curl shows who answered and
/// what a proxy passed on. <c>/health</c> answers 200 for the gateway's probes.
/// </summary>
internal sealed class DemoBackends : IAsyncDisposable
{
    private readonly List<KestrelHost> _hosts = [];

    public IReadOnlyList<(string Name, Uri Address)> All { get; private set; } = [];

    /// <summary>Backend a on <paramref name="firstPort"/>, b on the next one (0: free ports).</summary>
    public static async Task<DemoBackends> StartAsync(ProgramContext run, int firstPort, CancellationToken cancellationToken)
    {
        var backends = new DemoBackends();
        try
        {
            var all = new List<(string, Uri)>();
            foreach (var (name, i) in new[] { ("a", 0), ("b", 1) })
            {
                var port = firstPort == 0 ? 0 : firstPort + i;
                run.Port = port; // so a port in use is named right
                var host = await KestrelHost.StartAsync(context => AnswerAsync(name, context, run.Output), port, cancellationToken);
                backends._hosts.Add(host);
                all.Add((name, host.Address));
            }
            backends.All = all;
            return backends;
        }
        catch
        {
            await backends.DisposeAsync();
            throw;
        }
    }

    private static async Task AnswerAsync(string name, HttpContext context, TextWriter log)
    {
        var request = context.Request;
        context.Response.Headers["X-Backend"] = name;
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (request.Path == "/health")
        {
            await context.Response.WriteAsync("ok\n");
            return;
        }
        var forwardedFor = request.Headers["X-Forwarded-For"].ToString();
        var seen = $"backend {name}: {request.Method} {request.Path}{request.QueryString} from {context.Connection.RemoteIpAddress}"
            + $", X-Forwarded-For: {(forwardedFor.Length > 0 ? forwardedFor : "(none)")}"
            + $", X-Forwarded-Host: {request.Headers["X-Forwarded-Host"]}, Host: {request.Host}";
        log.WriteLine(seen);
        await context.Response.WriteAsync(seen + "\n");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        _hosts.Clear();
    }
}
