using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace NetCourse.Lesson10.Benchmarks;

/// <summary>The yardstick: YARP with the same route (<c>/api</c>) and round robin over the same backends.</summary>
internal sealed class YarpGateway(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public static async Task<YarpGateway> StartAsync(IReadOnlyList<Uri> backends)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new Yarp.ReverseProxy.Configuration.RouteConfig { RouteId = "api", ClusterId = "api", Match = new RouteMatch { Path = "/api/{**rest}" } }],
            [new Yarp.ReverseProxy.Configuration.ClusterConfig
            {
                ClusterId = "api",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                Destinations = backends.Select((b, i) => (Name: $"b{i}", Address: b)).ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address.ToString() }),
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new YarpGateway(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
