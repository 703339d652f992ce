using System.Globalization;
using Microsoft.AspNetCore.Http;
using NetCourse.Lesson10;
using NetCourse.Lesson10.Benchmarks;

// lesson10's benchmark: the reference gateway against YARP, and both against the backend hit
// directly, in one run on loopback. Options: --concurrency N (64), --seconds S (10), --warmup S (3),
// --body BYTES (1024).
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => int.Parse(args[x.i + 1], CultureInfo.InvariantCulture));
var concurrency = options.GetValueOrDefault("concurrency", 64);
var duration = TimeSpan.FromSeconds(options.GetValueOrDefault("seconds", 10));
var warmUp = TimeSpan.FromSeconds(options.GetValueOrDefault("warmup", 3));
var body = new byte[options.GetValueOrDefault("body", 1024)];
Array.Fill(body, (byte)'x');

// Two backends answering a fixed body: the proxies' cost is all that differs between the targets.
Task Answer(HttpContext context)
{
    context.Response.ContentType = "application/octet-stream";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
}
await using var one = await KestrelHost.StartAsync(Answer);
await using var two = await KestrelHost.StartAsync(Answer);

var route = new RouteConfig("api", "/api", [new BackendConfig("one", one.Address), new BackendConfig("two", two.Address)],
    BalancingStrategy.RoundRobin, Health: new HealthOptions("/health", TimeSpan.FromHours(1), 1, 3, TimeSpan.FromSeconds(2)));
await using var gateway = await Gateway.StartAsync(new GatewayConfig([route]));
await using var yarp = await YarpGateway.StartAsync([one.Address, two.Address]);

Console.WriteLine($"{Environment.ProcessorCount} cores, {concurrency} requests in flight, {warmUp.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured, {body.Length}-byte responses");
var results = new List<LoadResult>();
foreach (var (name, address) in new[] { ("backend direct", one.Address), ("YARP 2.3.0", yarp.Address), ("reference gateway", gateway.Address) })
{
    var result = await LoadRun.RunAsync(name, new Uri(address, "/api/items?page=1"), concurrency, warmUp, duration);
    results.Add(result);
    Console.WriteLine($"{name,-18} {result.RequestsPerSecond,10:N0} req/s   p50 {result.P50Ms,6:0.00} ms   p99 {result.P99Ms,7:0.00} ms   errors {result.Errors}");
}

var direct = results[0];
var yarpResult = results[1];
var ours = results[2];
Console.WriteLine();
Console.WriteLine($"gateway / YARP throughput: {ours.RequestsPerSecond / yarpResult.RequestsPerSecond:0.00}×   (goal ≥ 0.8×)");
Console.WriteLine($"gateway / YARP p99:        {ours.P99Ms / yarpResult.P99Ms:0.00}×   (goal ≤ 1.5×)");
Console.WriteLine($"gateway / direct throughput: {ours.RequestsPerSecond / direct.RequestsPerSecond:0.00}×, YARP / direct: {yarpResult.RequestsPerSecond / direct.RequestsPerSecond:0.00}×");
