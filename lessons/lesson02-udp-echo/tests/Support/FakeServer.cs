namespace NetCourse.Lesson02.Tests.Support;

/// <summary>
/// A server the test plays by hand: it sees each request the client sends, and answers when,
/// how often and from where the test decides. Timeouts run on a <see cref="ManualClock"/>, so an
/// attempt times out only when the test advances the clock.
/// </summary>
public sealed class FakeServer : IDisposable
{
    public static readonly EchoClientOptions Options = new(TimeSpan.FromSeconds(1), MaxAttempts: 3);

    public UdpPeer Socket { get; } = new();
    public ManualClock Clock { get; } = new();
    public UdpEchoClient Client { get; }

    public FakeServer(EchoClientOptions? options = null) =>
        Client = new UdpEchoClient(Socket.EndPoint, options ?? Options, Clock);

    /// <summary>The next request, once the client has armed the timeout of its attempt.</summary>
    public async Task<Request> NextRequestAsync(string what)
    {
        var (data, from) = await Socket.ReceiveAsync(what);
        var request = Parse(data, from, what);
        await WhenTimeoutArmedAsync(what);
        return request;
    }

    private static Request Parse(byte[] data, IPEndPoint from, string what)
    {
        EchoWire.TryRead(data, out var number, out var payload).ShouldBeTrue($"{what} is {data.Length} bytes: too short for the 8-byte request number.");
        return new Request(data, number, payload.ToArray(), from);
    }

    /// <summary>Waits until the client waits for its reply (its timeout timer is armed).</summary>
    public Task WhenTimeoutArmedAsync(string what) =>
        Wait.UntilAsync(() => Clock.PendingTimers > 0, what: $"the client's timeout timer after {what} (a timer on the TimeProvider it was given)");

    /// <summary>Lets the attempt's whole timeout pass.</summary>
    public void TimeOut() => Clock.Advance(Options.Timeout);

    public Task ReplyAsync(Request request) => Socket.SendAsync(request.Datagram, request.From);

    public void Dispose()
    {
        Client.Dispose();
        Socket.Dispose();
    }
}

public sealed record Request(byte[] Datagram, ulong Number, byte[] Payload, IPEndPoint From);
