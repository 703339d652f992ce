namespace NetCourse.Lesson09.Tests.Support;

/// <summary>
/// A producer posting messages to collect for users picked at random (seeded), a few requests at a
/// time, and remembering which ids it was given for whom.
/// </summary>
public sealed class Traffic(ClusterSetup cluster, IReadOnlyList<string> users, Random random, int concurrency = 4)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _posted = [];
    private int _count;

    public IReadOnlyList<string> Users { get; } = users;

    /// <summary>Messages posted and accepted so far.</summary>
    public int Posted => Volatile.Read(ref _count);

    public IReadOnlyList<long> PostedFor(string userId)
    {
        lock (_gate) return _posted.TryGetValue(userId, out var ids) ? [.. ids] : [];
    }

    /// <summary>Posts <paramref name="count"/> messages; returns when collect has accepted them all.</summary>
    public Task PostAsync(int count)
    {
        // The users are drawn up front: the sequence depends on the seed, not on thread timing.
        var targets = Enumerable.Range(0, count).Select(_ => Users[random.Next(Users.Count)]).ToList();
        return Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (user, ct) =>
        {
            var id = await cluster.Cluster.Collect.PostAsync(user, $"for {user}", ct);
            lock (_gate)
            {
                if (!_posted.TryGetValue(user, out var ids)) _posted[user] = ids = [];
                ids.Add(id);
            }
            Interlocked.Increment(ref _count);
        });
    }
}
