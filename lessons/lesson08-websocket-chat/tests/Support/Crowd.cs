namespace NetCourse.Lesson08.Tests.Support;

/// <summary>Many members of one room, joined in bounded batches, disposed together.</summary>
public sealed class Crowd : IAsyncDisposable
{
    private readonly List<RawWebSocket> _sinks;

    private Crowd(List<ChatClient> members, List<RawWebSocket> sinks)
    {
        Members = members;
        _sinks = sinks;
    }

    public List<ChatClient> Members { get; }

    public static async Task<Crowd> JoinAsync(ChatSetup setup, string room, int count, string prefix = "member", int batch = 20)
    {
        var members = new List<ChatClient>(count);
        try
        {
            for (var start = 0; start < count; start += batch)
            {
                var first = start;
                members.AddRange(await Task.WhenAll(Enumerable.Range(first, Math.Min(batch, count - first))
                    .Select(i => setup.JoinAsync(room, $"{prefix}-{i}", TimeSpan.FromSeconds(20)))));
            }
        }
        catch
        {
            foreach (var member in members) await member.DisposeAsync();
            throw;
        }
        return new Crowd(members, []);
    }

    /// <summary>Members that read everything and look at nothing (raw sockets, cheap for the
    /// test): they make the room big without making the test slow.</summary>
    public static async Task<Crowd> JoinSinksAsync(ChatSetup setup, string room, int count, int batch = 25)
    {
        var sinks = new List<RawWebSocket>(count);
        try
        {
            for (var start = 0; start < count; start += batch)
            {
                var first = start;
                sinks.AddRange(await Task.WhenAll(Enumerable.Range(first, Math.Min(batch, count - first))
                    .Select(i => setup.JoinRawAsync(room, $"sink-{i}"))));
            }
        }
        catch
        {
            foreach (var sink in sinks) await sink.DisposeAsync();
            throw;
        }
        foreach (var sink in sinks) sink.DiscardIncoming();
        return new Crowd([], sinks);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members) await member.DisposeAsync();
        foreach (var sink in _sinks) await sink.DisposeAsync();
    }
}
