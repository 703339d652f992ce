using NetCourse.Lesson09;

const string usage = """
    Usage: RUN [--port P] [--memory]
      A push cluster with your services on 127.0.0.1: auth on P (default 9009; 0: free ports),
      collect on P+1, dispatch on P+2, push nodes on P+3 and P+4. Its registry and store live
      on Redis when REDIS_URL is set or redis-server is on the PATH (a private one on P+5),
      in memory otherwise or with --memory.

    """;

return await LessonProgram.RunAsync(args, usage, async (arguments, run) =>
{
    run.Port = arguments.Port(9009);
    var inMemory = arguments.Flag("--memory");
    if (arguments.Positionals().Count > 0) throw new UsageError("lesson09 takes options only.");

    await using var redis = !inMemory && Environment.GetEnvironmentVariable("REDIS_URL") is not { Length: > 0 } && LocalRedis.IsInstalled
        ? await LocalRedis.StartAsync(run.Port.Value == 0 ? 0 : run.Port.Value + 5, run.Stop)
        : null;
    var (backend, where) = inMemory ? (ClusterBackend.InMemory(), "in memory")
        : Environment.GetEnvironmentVariable("REDIS_URL") is { Length: > 0 } url ? (ClusterBackend.Redis(url, $"netcourse-run:{Guid.NewGuid():N}:"), $"Redis at {url} (keys under netcourse-run:)")
        : redis is not null ? (ClusterBackend.Redis(redis.Url), $"Redis, a private redis-server on 127.0.0.1:{redis.Port}")
        : (ClusterBackend.InMemory(), "in memory (install redis-server or set REDIS_URL for Redis)");

    await using var cluster = await PushCluster.StartAsync(backend, new PushClusterOptions { Nodes = 2, BasePort = run.Port.Value }, run.Stop);
    run.Output.WriteLine($"registry and store: {where}");
    run.Output.WriteLine($"  auth      {cluster.AuthAddress}   POST /tokens");
    run.Output.WriteLine($"  collect   {cluster.CollectAddress}   POST /messages");
    run.Output.WriteLine($"  dispatch  {cluster.DispatchAddress}   POST /dispatch");
    foreach (var node in cluster.Nodes) run.Output.WriteLine($"  {node.Name,-9} {node.Address}   WebSocket /ws?access_token=TOKEN");

    // A user this program keeps connected, so a push shows up here without any other tool.
    await using var alice = new PushClient("alice");
    alice.MessageReceived += (_, message) => run.Output.WriteLine($"alice received message {message.Id}: {message.Body}");
    await alice.ConnectAsync(cluster.Nodes[0].Address, cluster.IssueToken("alice"), run.Stop);
    var bobToken = cluster.IssueToken("bob");
    var bobUri = PushClient.WebSocketUri(cluster.Nodes[1].Address, bobToken);
    run.Output.WriteLine($"alice is connected to {cluster.Nodes[0].Name} by this program; a token for bob: {bobToken}");

    string Push(string user) =>
        $"curl -s -X POST {cluster.CollectAddress}{WireProtocol.MessagesPath} -H 'Content-Type: application/json' -d '{{\"user\":\"{user}\",\"body\":\"hello\"}}'";
    var tries = new List<(string, string)>
    {
        (Push("alice"), "{\"id\":1} (collect stored it), and 'alice received message 1: hello' in this terminal"),
        ($"npx wscat -c '{bobUri}'", "bob on node-2: a welcome frame; push to him with the curl above and \"user\":\"bob\" (answer {\"type\":\"ack\",\"id\":N} or he gets it again on reconnect)"),
        ($"curl -s -X POST {cluster.AuthAddress}{WireProtocol.TokensPath} -H 'Content-Type: application/json' -d '{{\"user\":\"carol\"}}'", "{\"token\":\"…\"}: a token for carol from the auth service"),
    };
    if (redis is not null) tries.Add(($"redis-cli -p {redis.Port} --scan", "the registry's keys (user → node, with a TTL) and the store's"));
    run.Listening("lesson09 push cluster", cluster.CollectAddress, [.. tries]);

    await run.WaitForStopAsync();
    run.Output.WriteLine("Stopping the cluster…");
    return 0;
});
