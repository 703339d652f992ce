using NetCourse.Harness.Snapshots;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Udp;

namespace NetCourse.Harness.Tests.Snapshots;

public class SnapshotTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("netcourse-snapshots-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Matching_text_passes_against_the_committed_verified_file()
    {
        Snapshot.Match("usage: send FILE HOST:PORT\n");
    }

    [Test]
    public void The_fault_descriptions_of_a_tcp_proxy_read_as_sentences()
    {
        var faults = new TcpFaults();
        faults.ClientToServer.SplitIntoSingleBytes().MergeEvery(3)
              .ServerToClient.Delay(TimeSpan.FromMilliseconds(5), jitter: TimeSpan.FromMilliseconds(2)).ResetAfter(100)
              .OnConnection(1, second => second.ServerToClient.StopReadingAfter(10));

        Snapshot.Match(faults.ToString());
    }

    [Test]
    public void The_lossy_udp_profile_reads_as_a_sentence()
    {
        Snapshot.Match(new UdpFaults().Lossy().ToString());
    }

    [Test]
    public void A_mismatch_writes_the_received_file()
    {
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "one\n");

        Should.Throw<AssertionException>(() => Snapshot.MatchFile("two", new SnapshotOptions(), _folder, "T.M", accept: false));

        File.ReadAllText(Path.Combine(_folder, "T.M.received.txt")).ShouldBe("two\n");
    }

    [Test]
    public void A_mismatch_fails_with_a_line_diff()
    {
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "a\nb\nc\n");

        var error = Should.Throw<AssertionException>(() => Snapshot.MatchFile("a\nB\nc\n", new SnapshotOptions(), _folder, "T.M", accept: false));

        error.Message.ShouldContain("  a\n- b\n+ B\n  c");
    }

    [Test]
    public void A_missing_verified_file_fails_and_says_how_to_accept()
    {
        var error = Should.Throw<AssertionException>(() => Snapshot.MatchFile("new", new SnapshotOptions(), _folder, "T.M", accept: false));

        error.Message.ShouldContain("rename it to T.M.verified.txt");
        File.Exists(Path.Combine(_folder, "T.M.received.txt")).ShouldBeTrue();
    }

    [Test]
    public void A_match_removes_a_stale_received_file()
    {
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "same\n");
        File.WriteAllText(Path.Combine(_folder, "T.M.received.txt"), "old\n");

        Snapshot.MatchFile("same", new SnapshotOptions(), _folder, "T.M", accept: false);

        File.Exists(Path.Combine(_folder, "T.M.received.txt")).ShouldBeFalse();
    }

    [Test]
    public void Line_endings_and_a_byte_order_mark_do_not_count_as_differences()
    {
        File.WriteAllText(Path.Combine(_folder, "T.M.verified.txt"), "\uFEFFa\r\nb\r\n");

        Snapshot.MatchFile("a\nb", new SnapshotOptions(), _folder, "T.M", accept: false);
    }

    [Test]
    public void Ports_are_scrubbed_and_numbered_by_distinct_value()
    {
        Scrubber.Apply("127.0.0.1:5000 → [::1]:6000, back to 127.0.0.1:5000", Scrubber.Defaults)
            .ShouldBe("127.0.0.1:{port1} → [::1]:{port2}, back to 127.0.0.1:{port1}");
    }

    [Test]
    public void Guids_and_date_times_are_scrubbed()
    {
        Scrubber.Apply("id 0f8fad5b-d9cb-469f-a165-70867728950e at 2026-03-01T10:00:00Z", Scrubber.Defaults)
            .ShouldBe("id {guid1} at {datetime1}");
    }

    [Test]
    public void Durations_are_scrubbed_on_request()
    {
        Scrubber.Apply("took 12.5 ms then 3 s", [Scrubber.Durations]).ShouldBe("took {time} then {time}");
    }
}
