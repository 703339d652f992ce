using BenchmarkDotNet.Running;
using NetCourse.Harness.Benchmarks;

if (args is ["--quick"])
{
    await QuickCheck.RunAsync();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ProxyOverheadBenchmarks).Assembly).Run(args);
