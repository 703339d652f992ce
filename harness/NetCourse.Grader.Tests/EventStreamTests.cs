using NetCourse.Grader.Running;
using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Tests;

/// <summary>The grader accepts only the host's signed lines, in the protocol's order.</summary>
public class EventStreamTests
{
    private byte[] _key = null!;
    private EventSignature _host = null!;
    private EventStream _stream = null!;
    private long _sequence;

    [SetUp]
    public void OpenChannel()
    {
        _key = EventSignature.NewKey();
        _stream = new EventStream(_key);
        _host = new EventSignature((byte[])_key.Clone());
        _sequence = 0;
    }

    [TearDown]
    public void CloseChannel()
    {
        _stream.Dispose();
        _host.Dispose();
    }

    private void Send(string type, string? id = null) =>
        _stream.Accept(_host.Sign(_sequence++, new HostEvent { Type = type, Id = id }.ToJson()));

    private void Plan(params string[] ids) { foreach (var id in ids) Send(HostEvent.Plan, id); }

    [Test]
    public void A_whole_run_in_order_is_accepted()
    {
        Plan("a", "b");
        Send(HostEvent.Start, "a"); Send(HostEvent.End, "a");
        Send(HostEvent.Start, "b"); Send(HostEvent.End, "b");
        Send(HostEvent.Done);

        _stream.Violation.ShouldBeNull();
        _stream.TakeAccepted().Select(e => e.Type).ShouldBe(["plan", "plan", "start", "end", "start", "end", "done"]);
    }

    [Test]
    public void A_line_without_a_signature_is_a_violation()
    {
        Plan("a");
        _stream.Accept("""{"type":"end","id":"a","outcome":"passed"}""");

        _stream.Violation.ShouldNotBeNull().ShouldContain("no valid signature");
    }

    [Test]
    public void A_line_signed_with_another_key_is_a_violation()
    {
        using var other = new EventSignature(EventSignature.NewKey());
        _stream.Accept(other.Sign(0, new HostEvent { Type = HostEvent.Done }.ToJson()));

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void A_replayed_line_is_a_violation()
    {
        var line = _host.Sign(0, new HostEvent { Type = HostEvent.Plan, Id = "a" }.ToJson());
        _stream.Accept(line);
        _stream.Accept(line);

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void An_end_without_its_start_is_a_violation()
    {
        Plan("a");
        Send(HostEvent.End, "a");

        _stream.Violation.ShouldNotBeNull().ShouldContain("not the running test");
    }

    [Test]
    public void A_second_end_for_one_test_is_a_violation()
    {
        Plan("a");
        Send(HostEvent.Start, "a"); Send(HostEvent.End, "a"); Send(HostEvent.End, "a");

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void A_test_that_was_never_planned_cannot_start()
    {
        Plan("a");
        Send(HostEvent.Start, "b");

        _stream.Violation.ShouldNotBeNull().ShouldContain("never planned");
    }

    [Test]
    public void A_test_cannot_run_twice()
    {
        Plan("a");
        Send(HostEvent.Start, "a"); Send(HostEvent.End, "a"); Send(HostEvent.Start, "a");

        _stream.Violation.ShouldNotBeNull().ShouldContain("twice");
    }

    [Test]
    public void Nothing_may_follow_done()
    {
        Plan("a");
        Send(HostEvent.Start, "a"); Send(HostEvent.End, "a"); Send(HostEvent.Done);
        Send(HostEvent.Done);

        _stream.Violation.ShouldNotBeNull().ShouldContain("after 'done'");
    }

    [Test]
    public void A_plan_after_the_tests_started_is_a_violation()
    {
        Plan("a");
        Send(HostEvent.Start, "a");
        Send(HostEvent.Plan, "b");

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void After_a_violation_no_event_is_accepted()
    {
        Plan("a");
        _stream.TakeAccepted();
        _stream.Accept("forged");
        Send(HostEvent.Start, "a");

        _stream.TakeAccepted().ShouldBeEmpty();
    }
}
