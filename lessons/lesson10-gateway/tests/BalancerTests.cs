namespace NetCourse.Lesson10.Tests;

[Task(1)]
public class BalancerTests
{
    private static Backend[] Named(params string[] names) => [.. names.Select(n => new Backend(n, new Uri($"http://{n}.test/")))];

    private static string Sequence(IBalancer balancer, int picks) =>
        string.Join(" ", Enumerable.Range(0, picks).Select(_ => balancer.Pick("k")?.Name ?? "-"));

    [Test, Hint("See Hint 1.1: an atomic counter, the backend at counter % count.")]
    public void Round_robin_takes_each_backend_in_turn()
    {
        Sequence(new RoundRobinBalancer(Named("a", "b", "c")), 7)
            .ShouldBe("a b c a b c a", "Round robin goes a, b, c and starts again.");
    }

    [Test, Hint("See Hint 1.2: from the counter's position, walk on until a backend is up.")]
    public void Round_robin_skips_a_backend_that_is_down()
    {
        var backends = Named("a", "b", "c");
        backends[1].IsUp = false;
        Sequence(new RoundRobinBalancer(backends), 6).ShouldNotContain("b", customMessage: "b is down: round robin must never pick it.");
    }

    [Test, Hint("See Hint 1.2: when no backend is up, Pick returns null (the gateway answers 503 or degrades).")]
    public void Every_balancer_returns_null_when_every_backend_is_down()
    {
        var backends = Named("a", "b");
        foreach (var b in backends) b.IsUp = false;
        IBalancer[] balancers = [new RoundRobinBalancer(backends), new SmoothWeightedBalancer(backends), new ConsistentHashBalancer(backends)];
        balancers.Select(b => b.Pick("k")).ShouldAllBe(b => b == null, "With every backend down there is nothing to pick: null.");
    }

    [Test, Points(2), Hint("See Hint 1.3: add each weight to its score, pick the highest score, take the total off the winner.")]
    public void Smooth_weighted_round_robin_with_weights_5_1_1_goes_a_a_b_a_c_a_a()
    {
        var backends = new[] { new Backend("a", new Uri("http://a.test/"), 5), new Backend("b", new Uri("http://b.test/"), 1), new Backend("c", new Uri("http://c.test/"), 1) };
        Sequence(new SmoothWeightedBalancer(backends), 14)
            .ShouldBe("a a b a c a a a a b a c a a", "nginx's smooth weighted round robin spreads a's five turns out: a a b a c a a, then the same again.");
    }

    [Test, Hint("See Hint 1.3: in proportion to the weights over a whole cycle.")]
    public void Smooth_weighted_round_robin_sends_traffic_in_proportion_to_the_weights()
    {
        var backends = new[] { new Backend("a", new Uri("http://a.test/"), 3), new Backend("b", new Uri("http://b.test/"), 1) };
        var balancer = new SmoothWeightedBalancer(backends);
        var counts = Enumerable.Range(0, 400).Select(_ => balancer.Pick("k")!.Name).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        counts.ShouldBe(new Dictionary<string, int> { ["a"] = 300, ["b"] = 100 }, "Weights 3 and 1 over 400 picks are exactly 300 and 100.");
    }

    [Test, Hint("See Hint 1.4: a down backend takes no part in the round: its weight counts neither in its score nor in the total.")]
    public void Smooth_weighted_round_robin_skips_a_backend_that_is_down()
    {
        var backends = new[] { new Backend("a", new Uri("http://a.test/"), 5), new Backend("b", new Uri("http://b.test/"), 1), new Backend("c", new Uri("http://c.test/"), 1) };
        backends[0].IsUp = false;
        Sequence(new SmoothWeightedBalancer(backends), 4).ShouldBe("b c b c", "With a down, b and c (weights 1 and 1) take turns.");
    }

    [Test, Hint("See Hint 1.5: Pick hashes the key with StableHash.Of and takes the first ring point at or after it.")]
    public void Consistent_hash_sends_the_same_key_to_the_same_backend()
    {
        var balancer = new ConsistentHashBalancer(Named("a", "b", "c", "d"));
        var first = balancer.Pick("client-42")!.Name;
        Enumerable.Range(0, 20).Select(_ => balancer.Pick("client-42")!.Name).ShouldAllBe(n => n == first, "One key, one backend, every time.");
    }

    [Test, Points(2), Hint("See Hint 1.6: virtual nodes — each backend owns many points on the ring, hashed from its name and an index.")]
    public void Consistent_hash_spreads_keys_evenly_with_virtual_nodes()
    {
        var balancer = new ConsistentHashBalancer(Named("a", "b", "c", "d"));
        var keys = Keys(TestSeed.RandomForCurrentTest(), 8000);
        var shares = keys.GroupBy(k => balancer.Pick(k)!.Name).ToDictionary(g => g.Key, g => g.Count() / (double)keys.Count);
        shares.Count.ShouldBe(4, "Every backend must own some keys.");
        shares.Values.ShouldAllBe(s => s > 0.15 && s < 0.35,
            $"Four backends should each get about a quarter of the keys; got {string.Join(", ", shares.Select(s => $"{s.Key} {s.Value:P0}"))}. One point per backend leaves arcs of very different lengths.");
    }

    [Test, Points(2), Hint("See Hint 1.7: removing a backend removes only its points; keys on other points keep their owner.")]
    public void Consistent_hash_keeps_a_key_on_its_backend_when_an_unrelated_backend_leaves()
    {
        var balancer = new ConsistentHashBalancer(Named("a", "b", "c", "d"));
        var keys = Keys(TestSeed.RandomForCurrentTest(), 2000);
        var before = keys.ToDictionary(k => k, k => balancer.Pick(k)!.Name);
        balancer.Remove("d").ShouldBeTrue();
        var moved = keys.Where(k => before[k] != "d" && balancer.Pick(k)!.Name != before[k]).ToList();
        moved.ShouldBeEmpty($"Only d's keys may move when d leaves; {moved.Count} keys of other backends moved too (is it hash % count?).");
    }

    [Test, Points(2), Hint("See Hint 1.7: adding a backend takes over about 1/N of the keys, all of them onto the new backend.")]
    public void Consistent_hash_moves_about_one_nth_of_the_keys_when_a_backend_is_added()
    {
        var balancer = new ConsistentHashBalancer(Named("a", "b", "c", "d"));
        var keys = Keys(TestSeed.RandomForCurrentTest(), 4000);
        var before = keys.ToDictionary(k => k, k => balancer.Pick(k)!.Name);
        balancer.Add(new Backend("e", new Uri("http://e.test/")));
        var moved = keys.Where(k => balancer.Pick(k)!.Name != before[k]).ToList();
        (moved.Count / (double)keys.Count).ShouldBeInRange(0.1, 0.3, "With a fifth backend about 1/5 of the keys should move (hash % count moves about 4/5).");
        moved.ShouldAllBe(k => balancer.Pick(k)!.Name == "e", "A key that moves when e is added can only move to e.");
    }

    [Test, Hint("See Hint 1.8: walk clockwise from the key's point to the first point whose backend is up.")]
    public void Consistent_hash_moves_only_the_keys_of_a_backend_that_is_down()
    {
        var backends = Named("a", "b", "c", "d");
        var balancer = new ConsistentHashBalancer(backends);
        var keys = Keys(TestSeed.RandomForCurrentTest(), 2000);
        var before = keys.ToDictionary(k => k, k => balancer.Pick(k)!.Name);
        backends[2].IsUp = false;
        keys.Select(k => balancer.Pick(k)!.Name).ShouldNotContain("c", customMessage: "c is down: no key may go to it.");
        keys.Where(k => before[k] != "c").ShouldAllBe(k => balancer.Pick(k)!.Name == before[k], "Keys of the backends still up must stay where they were.");
    }

    [Test, Points(2), Hint("See Hint 1.5 and 1.6: the points are StableHash.Of(\"name#i\") for i below virtualNodes; a key goes to the first point at or after its hash, and past the last point to the first.")]
    public void Consistent_hash_gives_each_key_to_the_owner_of_the_first_point_at_or_after_its_hash()
    {
        const int virtualNodes = 3;
        var backends = Named("a", "b", "c");
        var balancer = new ConsistentHashBalancer(backends, virtualNodes);
        var ring = backends
            .SelectMany(b => Enumerable.Range(0, virtualNodes).Select(i => (Point: StableHash.Of($"{b.Name}#{i}"), b.Name)))
            .OrderBy(p => p.Point).ToList();
        string Owner(string key)
        {
            var hash = StableHash.Of(key);
            var at = ring.FindIndex(p => p.Point >= hash);
            return ring[at < 0 ? 0 : at].Name;
        }
        // Random keys, and keys that hash exactly onto a point (the names of the points themselves).
        var keys = Keys(TestSeed.RandomForCurrentTest(), 2000)
            .Concat(backends.SelectMany(b => Enumerable.Range(0, virtualNodes).Select(i => $"{b.Name}#{i}")));
        var wrong = keys.Where(k => balancer.Pick(k)?.Name != Owner(k)).ToList();
        wrong.ShouldBeEmpty($"Each key belongs to the first of the {ring.Count} points at or after its hash; {wrong.Count} keys went elsewhere, e.g. {string.Join(", ", wrong.Take(3))}.");
    }

    [Test, Hint("See Hint 1.7: Add on an empty ring builds a ring of that one backend.")]
    public void Consistent_hash_sends_every_key_to_the_one_backend_added_to_an_empty_ring()
    {
        var balancer = new ConsistentHashBalancer([]);
        balancer.Add(new Backend("a", new Uri("http://a.test/")));
        Keys(TestSeed.RandomForCurrentTest(), 100).Select(k => balancer.Pick(k)?.Name).ShouldAllBe(n => n == "a", "a is the only backend on the ring: every key is a's.");
    }

    [Test, Hint("See Hint 1.7: Remove says whether the backend was on the ring; removing a name it does not know changes nothing.")]
    public void Consistent_hash_removing_an_unknown_backend_returns_false_and_moves_no_key()
    {
        var balancer = new ConsistentHashBalancer(Named("a", "b", "c"));
        var keys = Keys(TestSeed.RandomForCurrentTest(), 500);
        var before = keys.ToDictionary(k => k, k => balancer.Pick(k)!.Name);
        balancer.Remove("z").ShouldBeFalse("There is no backend z on the ring: Remove must say so.");
        keys.ShouldAllBe(k => balancer.Pick(k)!.Name == before[k], "Removing a backend that was never there must move no key.");
    }

    private static List<string> Keys(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}:{i}")];
}
