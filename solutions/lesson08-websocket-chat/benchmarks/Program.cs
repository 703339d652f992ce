using System.Net;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Toolchains.DotNetCli;
using NetCourse.Lesson08;
using NetCourse.Lesson08.Benchmarks;

// `latency [clients] [rounds]`: delivery latency percentiles and deliveries per second.
// `serve [port]`: a chat server for a class demonstration (0.0.0.0, so phones on the network join).
// Anything else: the BenchmarkDotNet fan-out benchmark, on a short job.
switch (args)
{
    case ["latency", .. var rest]:
        return await Latency.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 1_000, rest.Length > 1 ? int.Parse(rest[1]) : 200);
    case ["serve", .. var rest]:
        return await ServeAsync(rest is [var port] ? int.Parse(port) : 8080);
}

var config = DefaultConfig.Instance
    // Out of process on .NET 10 (BenchmarkDotNet's default toolchain: a process per benchmark). The
    // course's obj folders depend on the configuration (Directory.Build.props), and BenchmarkDotNet
    // restores its generated project without one: say Release to restore too. Run from the
    // repository root: BenchmarkDotNet looks for the benchmark's .csproj under the current folder.
    .AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithRuntime(CoreRuntime.Core10_0).WithArguments([new MsBuildArgument("-p:Configuration=Release")]))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;

static async Task<int> ServeAsync(int port)
{
    await using var server = new ChatServer(new ChatServerOptions { EndPoint = new IPEndPoint(IPAddress.Any, port) });
    var address = await server.StartAsync();
    Console.WriteLine($"chat page: http://localhost:{address.Port}/?room=class (or this machine's address, from another device)");
    Console.WriteLine("Ctrl+C stops the server (every page is told 1001, going away).");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.TrySetResult();
    };
    await stop.Task;
    return 0;
}
