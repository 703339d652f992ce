using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Toolchains.DotNetCli;

// A short job: enough for ratios in a minute or two.
var config = DefaultConfig.Instance
    // Out of process on .NET 10 (BenchmarkDotNet's default toolchain: a process per benchmark). The
    // course's obj folders depend on the configuration (Directory.Build.props), and BenchmarkDotNet
    // restores its generated project without one: say Release to restore too. Run from the
    // repository root: BenchmarkDotNet looks for the benchmark's .csproj under the current folder.
    .AddJob(Job.ShortRun.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithRuntime(CoreRuntime.Core10_0).WithArguments([new MsBuildArgument("-p:Configuration=Release")]))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
