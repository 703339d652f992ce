using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// A short job: a few iterations each, so the whole run takes a minute or two on a class machine.
var config = DefaultConfig.Instance
    // In process: BenchmarkDotNet's generated project would otherwise land under .build/, where the
    // course's build settings would misplace its restore output.
    .AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
