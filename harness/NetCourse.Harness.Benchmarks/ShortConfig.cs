using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.DotNetCli;

namespace NetCourse.Harness.Benchmarks;

/// <summary>A short job (the machine is shared) on .NET 10, with BenchmarkDotNet's default
/// out-of-process toolchain: each benchmark runs in a process of its own, built for it, so one
/// benchmark's JIT state, GC heap and thread pool never colour the next one's.</summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig()
    {
        // The course's obj folders depend on the configuration (Directory.Build.props: release/), and
        // BenchmarkDotNet restores the generated project without one: say Release to restore too.
        AddJob(Job.ShortRun.WithRuntime(CoreRuntime.Core10_0).WithArguments([new MsBuildArgument("-p:Configuration=Release")]));
        Add(DefaultConfig.Instance);
    }
}
