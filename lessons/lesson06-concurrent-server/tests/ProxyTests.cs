namespace NetCourse.Lesson06.Tests;

[Task(2)]
public class ProxyTests
{
    [Test, Hint("See Hint 1.3 and 2.1: a line that arrives one byte per read is still one line; keep the partial bytes between reads.")]
    public async Task A_line_arriving_one_byte_per_read_gets_one_answer()
    {
        await using var s = ServerSetup.Start();
        await using var proxy = await TcpFaultProxy.StartAsync(s.EndPoint, f => f.ClientToServer.SplitIntoSingleBytes());
        await using var client = await LineClient.ConnectAsync(proxy.EndPoint);
        (await client.AskAsync("split")).ShouldBe("re:split", "A line delivered byte by byte must be answered once, whole.");
    }

    [Test, Hint("See Hint 2.1: several lines in one read are several requests: answer each.")]
    public async Task Lines_merged_into_one_read_get_one_answer_each()
    {
        await using var s = ServerSetup.Start();
        await using var proxy = await TcpFaultProxy.StartAsync(s.EndPoint, f => f.ClientToServer.MergeEvery(3));
        await using var client = await LineClient.ConnectAsync(proxy.EndPoint);
        foreach (var line in new[] { "a", "b", "c" }) await client.SendAsync(line + "\n");
        foreach (var line in new[] { "a", "b", "c" })
            (await client.ReadLineAsync()).ShouldBe(ServerSetup.AnswerTo(line), "Three lines merged into one read must get three answers, in order.");
    }

    [Test, Points(2), Hint("See Hint 2.1: whatever the read sizes, lines are cut at LF and nowhere else.")]
    public async Task Random_splits_and_merges_both_ways_keep_every_answer_whole_and_in_order()
    {
        await using var s = ServerSetup.Start();
        await using var proxy = await TcpFaultProxy.StartAsync(s.EndPoint, f => f
            .ClientToServer.SplitRandomly(1, 7, TimeSpan.Zero)
            .ServerToClient.MergeRandomly(5, 40, TimeSpan.FromMilliseconds(5)));
        await using var client = await LineClient.ConnectAsync(proxy.EndPoint);
        var random = TestSeed.RandomForCurrentTest();
        var lines = Enumerable.Range(0, 40).Select(i => $"line-{i}-{random.Next(1_000_000)}").ToArray();
        await client.SendAsync(string.Concat(lines.Select(l => l + "\n")));
        foreach (var line in lines)
            (await client.ReadLineAsync()).ShouldBe(ServerSetup.AnswerTo(line), "Every line must be answered whole and in order through splits and merges.");
    }
}
