namespace NetCourse.Lesson10.Tests;

[Task(7)]
public class GatewayHostAuthTests
{
    [Test, Hint("See Hint 7.5: a route with auth and no TokenKey in the options is an ArgumentException from StartAsync, even beside routes without auth.")]
    public async Task StartAsync_without_a_token_key_refuses_a_configuration_with_an_auth_route()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        var config = new GatewayConfig([Routes.To("/public", backend), Routes.To("/orders", backend) with { Auth = new AuthConfig(["alice"]) }]);
        await Should.ThrowAsync<ArgumentException>(async () =>
        {
            await using var gateway = await Gateway.StartAsync(config, new GatewayHostOptions(Time: new ManualClock())).WithDeadline();
        }, "The route /orders has auth, and no key was given to verify its tokens: the gateway must refuse to start.");
    }

    [Test, Hint("See Hint 7.5: only routes with auth need the TokenKey; a gateway without one serves the others.")]
    public async Task A_gateway_without_a_token_key_serves_routes_without_auth()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var gateway = await Gateway.StartAsync(new GatewayConfig([Routes.To("/api", backend)]), new GatewayHostOptions(Time: new ManualClock())).WithDeadline();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = gateway.Address, Timeout = Deadline.Standard };
        (await client.GetStringAsync("/api/x").WithDeadline()).ShouldBe("a", "No route has auth: no key is needed, and the route answers.");
    }
}
