using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson10;

/// <summary>
/// Forwards one request to one backend and its response back: method, path, query, headers and
/// body — the body streamed both ways, never held whole — minus the hop-by-hop headers, plus the
/// <c>X-Forwarded-*</c> chain. A backend that cannot be reached is a 502, one that does not answer
/// in time a 504. A WebSocket upgrade becomes a tunnel between the two connections.
/// </summary>
public sealed class HttpForwarder : IDisposable
{
    public HttpForwarder(TimeProvider? time = null) =>
        throw new NotImplementedException("Task 3: keep the clock and make one HttpMessageInvoker over a SocketsHttpHandler for every request (no cookies, no redirects, no decompression, no proxy).");

    /// <summary>
    /// Sends <paramref name="context"/>'s request to <paramref name="backend"/> and writes the answer
    /// into <paramref name="context"/>'s response. <paramref name="timeout"/> (on the clock) bounds the
    /// wait for the backend's response headers. The <c>Authorization</c> header is passed on only
    /// when <paramref name="forwardAuthorization"/>.
    /// </summary>
    public Task<ForwardResult> ForwardAsync(HttpContext context, Uri backend, TimeSpan timeout, bool forwardAuthorization = true) =>
        throw new NotImplementedException("Task 3: build the backend request (method, path, query, streamed body, headers minus hop-by-hop, X-Forwarded-*), send it, and copy the response back; 502 when unreachable, 504 at the timeout.");

    public void Dispose() =>
        throw new NotImplementedException("Task 3: dispose the HttpMessageInvoker.");
}
