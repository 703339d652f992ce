using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Toolchains.DotNetCli;
using NetCourse.Lesson06.Benchmarks;

// `idle-memory [N]`: memory per idle connection with N (10,000) clients held open.
// `measure-idle naive|line N` and `hold-clients PORT N`: the child processes of idle-memory.
// `compare [ROUNDS [CLIENTS [REQUESTS [SERVER...]]]]`: requests per second against the Go server,
// in alternating rounds (10 rounds, 100 clients, 300 round trips each, `line go`); `serve line|naive`
// is its child process.
// Anything else: the BenchmarkDotNet throughput benchmarks, on a short job.
switch (args)
{
    case ["idle-memory", .. var rest]:
        return await IdleMemory.RunAsync(rest is [var n] ? int.Parse(n) : 10_000);
    case ["measure-idle", var server, var count]:
        return await IdleMemory.MeasureOneAsync(server, int.Parse(count));
    case ["hold-clients", var port, var count]:
        return await IdleMemory.HoldClientsAsync(int.Parse(port), int.Parse(count));
    case ["compare", .. var options]:
        return await Compare.RunAsync(
            rounds: options is [var r, ..] ? int.Parse(r) : 10,
            clients: options is [_, var c, ..] ? int.Parse(c) : 100,
            requestsPerClient: options is [_, _, var q, ..] ? int.Parse(q) : 300,
            servers: options is [_, _, _, .. var s] && s.Length > 0 ? s : ["line", "go"]);
    case ["serve", var server]:
        return await Compare.ServeAsync(server);
}

var config = DefaultConfig.Instance
    // Out of process on .NET 10 (BenchmarkDotNet's default toolchain: a process per benchmark). The
    // course's obj folders depend on the configuration (Directory.Build.props), and BenchmarkDotNet
    // restores its generated project without one: say Release to restore too. Run from the
    // repository root: BenchmarkDotNet looks for the benchmark's .csproj under the current folder.
    // Ten warm-up iterations (about 5 s): tiered compilation and dynamic PGO recompile the hot
    // paths for the first seconds of load, and measuring them would measure the JIT.
    .AddJob(Job.ShortRun.WithWarmupCount(10).WithIterationCount(5).WithRuntime(CoreRuntime.Core10_0).WithArguments([new MsBuildArgument("-p:Configuration=Release")]))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
