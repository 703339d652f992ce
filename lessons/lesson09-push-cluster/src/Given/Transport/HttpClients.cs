using System.Net;
using System.Net.Http.Json;

namespace NetCourse.Lesson09;

/// <summary>
/// The HTTP client every service of a cluster shares: pooled keep-alive connections per
/// destination (one TCP handshake per connection, not per request), and a short connect timeout,
/// because a node that does not accept is dead, not busy.
/// </summary>
public static class ClusterHttp
{
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        // Loopback services need no proxy, and looking for one costs a lookup per new connection.
        UseProxy = false,
    })
    {
        // Each caller bounds its own requests (DeliveryTimeout, the caller's token).
        Timeout = Timeout.InfiniteTimeSpan,
    };
}

/// <summary>Dispatch → node: <c>POST {node}/deliver</c>; 204 delivered, 404 no such user here.</summary>
public sealed class HttpNodeClient(HttpClient http, TimeSpan? timeout = null) : INodeClient
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(5);

    public async Task<bool> DeliverAsync(string node, PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(message);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(new Uri(node), WireProtocol.DeliverPath), message, PushJson.Default.PushMessage, deadline.Token).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.NoContent or HttpStatusCode.OK => true,
                HttpStatusCode.NotFound => false,
                var status => throw new HttpRequestException($"{node} answered the delivery of message {message.Id} with {(int)status} {status}.", null, status),
            };
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A node that does not answer in time is as good as dead: say so the same way.
            throw new HttpRequestException($"{node} did not answer the delivery of message {message.Id} within {_timeout.TotalSeconds:0.###} s.", e);
        }
    }
}

/// <summary>Collect → dispatch: <c>POST {dispatch}/dispatch</c>, answered with the outcome.</summary>
public sealed class HttpDispatchClient(HttpClient http, string dispatchAddress) : IDispatcher
{
    private readonly Uri _endpoint = new(new Uri(dispatchAddress), WireProtocol.DispatchPath);

    public async Task<DispatchOutcome> DispatchAsync(PushMessage message, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(_endpoint, message, PushJson.Default.PushMessage, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync(PushJson.Default.DispatchResponse, cancellationToken).ConfigureAwait(false);
        return answer?.Outcome ?? throw new HttpRequestException("dispatch answered without an outcome.");
    }
}

/// <summary>A producer → collect: <c>POST {collect}/messages</c>, answered 202 with the stored id.</summary>
public sealed class CollectClient(HttpClient http, string collectAddress)
{
    private readonly Uri _endpoint = new(new Uri(collectAddress), WireProtocol.MessagesPath);

    /// <summary>Posts a message for <paramref name="userId"/>; returns its id once collect has stored it.</summary>
    public async Task<long> PostAsync(string userId, string body, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(_endpoint, new CollectRequest(userId, body), PushJson.Default.CollectRequest, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new HttpRequestException($"collect answered {(int)response.StatusCode} {response.StatusCode} instead of 202 Accepted.", null, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync(PushJson.Default.CollectResponse, cancellationToken).ConfigureAwait(false);
        return answer?.Id ?? throw new HttpRequestException("collect answered without an id.");
    }
}

/// <summary>A client → auth: <c>POST {auth}/tokens</c>, answered with a signed token.</summary>
public sealed class AuthClient(HttpClient http, string authAddress)
{
    private readonly Uri _endpoint = new(new Uri(authAddress), WireProtocol.TokensPath);

    public async Task<string> GetTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(_endpoint, new TokenRequest(userId), PushJson.Default.TokenRequest, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync(PushJson.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
        return answer?.Token ?? throw new HttpRequestException("auth answered without a token.");
    }
}
