using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Toolchains.DotNetCli;

// Each operation moves 1 GiB, so a handful of them is enough: one warm-up, three measured.
var config = DefaultConfig.Instance
    // Out of process on .NET 10 (BenchmarkDotNet's default toolchain: a process per benchmark). The
    // course's obj folders depend on the configuration (Directory.Build.props), and BenchmarkDotNet
    // restores its generated project without one: say Release to restore too. Run from the
    // repository root: BenchmarkDotNet looks for the benchmark's .csproj under the current folder.
    .AddJob(Job.Default
        .WithRuntime(CoreRuntime.Core10_0).WithArguments([new MsBuildArgument("-p:Configuration=Release")])
        .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
        .WithInvocationCount(1).WithUnrollFactor(1))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
