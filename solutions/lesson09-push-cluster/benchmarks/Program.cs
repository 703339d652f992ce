using NetCourse.Lesson09.Benchmarks;

// End-to-end figures of the push cluster, both backends side by side:
//   dotnet run -c Release                      10,000 users on 3 nodes, in memory and on Redis
//   dotnet run -c Release -- --users 2000 --backend memory
// Options: --users N (10000), --nodes N (3), --messages N (50000), --concurrency N (64 requests
// in flight), --backend memory|redis|both (both). Redis: REDIS_URL, else a private redis-server
// from the PATH on a free port.
// `clients …` is the child process that holds the clients (started by this program itself).
if (args is ["clients", .. var childArgs]) return await ClientProcess.RunAsync(childArgs);

var options = BenchmarkOptions.Parse(args);
var results = new List<BenchmarkResult>();
foreach (var backend in options.Backends)
    results.Add(await ClusterRun.RunAsync(backend, options));

Console.WriteLine();
Console.WriteLine(BenchmarkResult.Table(results, options));
return 0;
