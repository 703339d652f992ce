using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NetCourse.Harness.Benchmarks;

/// <summary>A short job (the machine is shared), run in-process: no generated project to build
/// against the course's custom output folders.</summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        Add(DefaultConfig.Instance);
    }
}
