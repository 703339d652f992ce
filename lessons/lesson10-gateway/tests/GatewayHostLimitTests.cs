namespace NetCourse.Lesson10.Tests;

[Task(4)]
public class GatewayHostLimitTests
{
    private static readonly RateLimitOptions OneAtATime = new(Burst: 1, TokensPerSecond: 0.01, IdleExpiry: TimeSpan.FromHours(1));

    /// <summary>A client whose connections come from <paramref name="local"/> (another address of the loopback network, 127.0.0.0/8).</summary>
    private static HttpClient ClientFrom(IPAddress local, Uri gateway) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = gateway, Timeout = Deadline.Standard };

    private static async Task<int> StatusOfAsync(HttpClient client, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request).WithDeadline();
        return (int)response.StatusCode;
    }

    [Test, Hint("See step 3 of the pipeline: a client that sent a token is limited as its user: two users behind one address have a bucket each.")]
    public async Task Each_user_has_a_bucket_of_their_own_behind_one_address()
    {
        await using var backend = await RecordingBackend.StartAsync("orders");
        await using var run = await GatewayRun.StartAsync(Routes.To("/orders", backend) with { Auth = new AuthConfig(["alice", "bob"]), RateLimit = OneAtATime });
        var alice = run.Issuer.Issue("alice", TimeSpan.FromHours(1));
        var bob = run.Issuer.Issue("bob", TimeSpan.FromHours(1));
        var statuses = new List<int>
        {
            await StatusOfAsync(run.Client, "/orders/1", alice),
            await StatusOfAsync(run.Client, "/orders/1", alice),
            await StatusOfAsync(run.Client, "/orders/1", bob),
        };
        statuses.ShouldBe([200, 429, 200], "Burst 1: alice's second request is refused; bob, from the same address, has a bucket of his own.");
    }

    [Test, Hint("See step 3 of the pipeline: a client without a token is limited by its address: two addresses, two buckets.")]
    public async Task Each_client_address_has_a_bucket_of_its_own()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { RateLimit = OneAtATime });
        using var other = ClientFrom(IPAddress.Parse("127.0.0.2"), run.Gateway.Address);
        var statuses = new List<int>
        {
            await StatusOfAsync(run.Client, "/api/x"),
            await StatusOfAsync(run.Client, "/api/x"),
            await StatusOfAsync(other, "/api/x"),
        };
        statuses.ShouldBe([200, 429, 200], "Burst 1: 127.0.0.1's second request is refused; 127.0.0.2 has a bucket of its own.");
    }
}
