using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Tests;

/// <summary>The grader accepts only the host's signed lines, in the protocol's order.</summary>
public class EventStreamTests
{
    private EventStream _stream = null!;
    private StringWriter _lines = null!;
    private EventWriter _host = null!;

    [SetUp]
    public void OpenChannel()
    {
        var key = EventSignature.NewKey();
        _stream = new EventStream(key);
        _lines = new StringWriter();
        _host = new EventWriter(_lines, key);
    }

    [TearDown]
    public void CloseChannel()
    {
        _stream.Dispose();
        _host.Dispose();
    }

    /// <summary>The line the host writes for <paramref name="e"/> (signed with the next sequence number).</summary>
    private string Line(HostEvent e)
    {
        _lines.GetStringBuilder().Clear();
        _host.Write(e);
        return _lines.ToString().TrimEnd('\n');
    }

    private void Send(HostEvent e) => _stream.Accept(Line(e));
    private void Start(string id) => Send(new TestStarted(id));
    private void End(string id) => Send(new TestEnded(id, TestOutcome.Passed));
    private void Done() => Send(new RunDone());
    private void Plan(params string[] ids) { foreach (var id in ids) Send(new TestPlanned(id, "Fixture", id)); }

    [Test]
    public void A_whole_run_in_order_is_accepted()
    {
        Plan("a", "b");
        Start("a"); End("a");
        Start("b"); End("b");
        Done();

        _stream.Violation.ShouldBeNull();
        _stream.TakeAccepted().Select(e => e.GetType().Name)
            .ShouldBe(["TestPlanned", "TestPlanned", "TestStarted", "TestEnded", "TestStarted", "TestEnded", "RunDone"]);
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
        var lines = new StringWriter();
        using (var other = new EventWriter(lines, EventSignature.NewKey())) other.Write(new RunDone());
        _stream.Accept(lines.ToString().TrimEnd('\n'));

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void A_replayed_line_is_a_violation()
    {
        var line = Line(new TestPlanned("a", "Fixture", "a"));
        _stream.Accept(line);
        _stream.Accept(line);

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void An_end_without_its_start_is_a_violation()
    {
        Plan("a");
        End("a");

        _stream.Violation.ShouldNotBeNull().ShouldContain("not the running test");
    }

    [Test]
    public void A_second_end_for_one_test_is_a_violation()
    {
        Plan("a");
        Start("a"); End("a"); End("a");

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void A_test_that_was_never_planned_cannot_start()
    {
        Plan("a");
        Start("b");

        _stream.Violation.ShouldNotBeNull().ShouldContain("never planned");
    }

    [Test]
    public void A_test_cannot_run_twice()
    {
        Plan("a");
        Start("a"); End("a"); Start("a");

        _stream.Violation.ShouldNotBeNull().ShouldContain("twice");
    }

    [Test]
    public void Nothing_may_follow_done()
    {
        Plan("a");
        Start("a"); End("a"); Done();
        Done();

        _stream.Violation.ShouldNotBeNull().ShouldContain("after 'done'");
    }

    [Test]
    public void A_plan_after_the_tests_started_is_a_violation()
    {
        Plan("a");
        Start("a");
        Plan("b");

        _stream.Violation.ShouldNotBeNull();
    }

    [Test]
    public void After_a_violation_no_event_is_accepted()
    {
        Plan("a");
        _stream.TakeAccepted();
        _stream.Accept("forged");
        Start("a");

        _stream.TakeAccepted().ShouldBeEmpty();
    }
}
