using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace NetCourse.Lesson10;

/// <summary>
/// Forwards one request to one backend and its response back: method, path, query, headers and
/// body — the body streamed both ways, never held whole — minus the hop-by-hop headers, plus the
/// <c>X-Forwarded-*</c> chain. A backend that cannot be reached is a 502, one that does not answer
/// in time a 504. A WebSocket upgrade becomes a tunnel between the two connections.
/// </summary>
public sealed class HttpForwarder : IDisposable
{
    private const int CopyBufferSize = 16 * 1024;

    private readonly HttpMessageInvoker _client;
    private readonly TimeProvider _time;

    public HttpForwarder(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        // A proxy's client: no cookies, no redirects followed, no decompression (the client gets
        // the bytes the backend sent), no system proxy, and connections pooled per backend.
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        });
    }

    /// <summary>
    /// Sends <paramref name="context"/>'s request to <paramref name="backend"/> and writes the answer
    /// into <paramref name="context"/>'s response. <paramref name="timeout"/> (on the clock) bounds the
    /// wait for the backend's response headers. The <c>Authorization</c> header is passed on only
    /// when <paramref name="forwardAuthorization"/>.
    /// </summary>
    public async Task<ForwardResult> ForwardAsync(HttpContext context, Uri backend, TimeSpan timeout, bool forwardAuthorization = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(backend);
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        var isWebSocket = upgrade is { IsUpgradableRequest: true }
            && string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase);

        using var request = BuildRequest(context, backend, forwardAuthorization, isWebSocket);
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeoutSource.Token);

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new ForwardResult(ForwardOutcome.ClientAborted, 0);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            return Fail(context, ForwardOutcome.TimedOut, StatusCodes.Status504GatewayTimeout);
        }
        catch (HttpRequestException)
        {
            return Fail(context, ForwardOutcome.Unreachable, StatusCodes.Status502BadGateway);
        }

        using (response)
        {
            // The timeout was for the answer to begin; a long download is not a slow backend.
            context.Response.StatusCode = (int)response.StatusCode;
            CopyResponseHeaders(response, context.Response, keepUpgrade: isWebSocket && response.StatusCode == HttpStatusCode.SwitchingProtocols);

            if (isWebSocket && response.StatusCode == HttpStatusCode.SwitchingProtocols)
                return await TunnelAsync(context, upgrade!, response).ConfigureAwait(false);

            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
                await body.CopyToAsync(context.Response.Body, CopyBufferSize, context.RequestAborted).ConfigureAwait(false);
                return new ForwardResult(ForwardOutcome.Responded, (int)response.StatusCode);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
            {
                // Mid-body the status line is gone: all that is left is to cut the client's
                // connection, so it sees a broken response rather than a short one that looks whole.
                context.Abort();
                return context.RequestAborted.IsCancellationRequested && e is OperationCanceledException
                    ? new ForwardResult(ForwardOutcome.ClientAborted, (int)response.StatusCode)
                    : new ForwardResult(ForwardOutcome.Unreachable, (int)response.StatusCode);
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage BuildRequest(HttpContext context, Uri backend, bool forwardAuthorization, bool isWebSocket)
    {
        var incoming = context.Request;
        // The path as Kestrel decoded and normalised it, encoded again: never the raw target, so
        // what the backend sees is what the gateway routed on.
        var target = new Uri(backend, incoming.PathBase.Add(incoming.Path).ToUriComponent() + incoming.QueryString.ToUriComponent());
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        // Streamed: the backend gets the first bytes of an upload while the client still sends the rest.
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? incoming.ContentLength > 0;
        if (canHaveBody && !isWebSocket) request.Content = new StreamingContent(incoming.Body, context.RequestAborted);

        var connectionListed = ConnectionListed(incoming.Headers.Connection);
        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Headers.Contains(name) || connectionListed.Contains(name)) continue;
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.Equals(name, "Expect", StringComparison.OrdinalIgnoreCase)) continue;
            if (!forwardAuthorization && string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)) continue;
            if (IsForwardedHeader(name)) continue;   // appended to below
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        // Each proxy appends itself to the chain; the client's own entries, if any, stay in front
        // (unless the client named them in Connection: then they were dropped above, with the rest).
        Append(request, "X-Forwarded-For", connectionListed, incoming.Headers, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        Append(request, "X-Forwarded-Proto", connectionListed, incoming.Headers, incoming.Scheme);
        Append(request, "X-Forwarded-Host", connectionListed, incoming.Headers, incoming.Host.Value ?? "");

        if (isWebSocket)
        {
            request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
            request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        }
        return request;
    }

    private static void Append(HttpRequestMessage request, string name, HashSet<string> connectionListed, IHeaderDictionary incoming, string self)
    {
        var chain = connectionListed.Contains(name) ? StringValues.Empty : incoming[name];
        var value = StringValues.IsNullOrEmpty(chain) ? self : $"{string.Join(", ", chain.ToArray())}, {self}";
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private static bool IsForwardedHeader(string name) =>
        string.Equals(name, "X-Forwarded-For", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "X-Forwarded-Proto", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "X-Forwarded-Host", StringComparison.OrdinalIgnoreCase);

    private static void CopyResponseHeaders(HttpResponseMessage response, HttpResponse outgoing, bool keepUpgrade)
    {
        var connectionListed = ConnectionListed(string.Join(",", response.Headers.Connection));
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var isUpgrade = string.Equals(name, "Upgrade", StringComparison.OrdinalIgnoreCase);
            if (keepUpgrade && isUpgrade) { outgoing.Headers[name] = values.ToArray(); continue; }
            if (HopByHop.Headers.Contains(name) || connectionListed.Contains(name)) continue;
            outgoing.Headers[name] = values.ToArray();
        }
    }

    /// <summary>The header names a <c>Connection</c> header lists (<c>close</c> and <c>keep-alive</c> are options, not names, but removing them is harmless).</summary>
    private static HashSet<string> ConnectionListed(StringValues connection)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in connection)
            foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                names.Add(name);
        return names;
    }

    private static ForwardResult Fail(HttpContext context, ForwardOutcome outcome, int status)
    {
        if (!context.Response.HasStarted) context.Response.StatusCode = status;
        return new ForwardResult(outcome, status);
    }

    // 101 from the backend: both sides stop speaking HTTP. Bytes are spliced both ways until each
    // side has finished; the WebSocket frames inside are none of the gateway's business.
    private static async Task<ForwardResult> TunnelAsync(HttpContext context, IHttpUpgradeFeature upgrade, HttpResponseMessage response)
    {
        await using var backendStream = await response.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
        await using var clientStream = await upgrade.UpgradeAsync().ConfigureAwait(false);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var up = PumpAsync(clientStream, backendStream, done.Token);
        var down = PumpAsync(backendStream, clientStream, done.Token);
        // When one direction ends (a close, a reset), the other has nothing left to wait for.
        await Task.WhenAny(up, down).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(up, down).ConfigureAwait(false);
        return new ForwardResult(ForwardOutcome.Responded, StatusCodes.Status101SwitchingProtocols);
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // A tunnel ends when either side goes away; that is its normal end.
        }
    }
}
