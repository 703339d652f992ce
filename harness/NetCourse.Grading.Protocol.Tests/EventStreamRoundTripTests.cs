using NetCourse.Grading.Protocol;

namespace NetCourse.Grading.Protocol.Tests;

/// <summary>What the host's writer writes, the grader's reader reads back as it was; nothing else passes.</summary>
public class EventStreamRoundTripTests
{
    private EventWriter _writer = null!;
    private EventReader _reader = null!;
    private StringWriter _output = null!;
    private byte[] _key = null!;

    [SetUp]
    public void Open()
    {
        _key = EventSignature.NewKey();
        _reader = new EventReader((byte[])_key.Clone());
        _output = new StringWriter();
        _writer = new EventWriter(_output, (byte[])_key.Clone());
    }

    [TearDown]
    public void Close()
    {
        _writer.Dispose();
        _reader.Dispose();
    }

    private string Written(HostEvent e)
    {
        _output.GetStringBuilder().Clear();
        _writer.Write(e);
        return _output.ToString();
    }

    private HostEvent? RoundTrip(HostEvent e) => _reader.Read(Written(e).TrimEnd('\n'));

    /// <summary>A line signed with the run's key at the next sequence number, whatever it holds.</summary>
    private string Forged(long sequence, string json)
    {
        using var signature = new EventSignature((byte[])_key.Clone());
        return signature.Sign(sequence, json);
    }

    [Test]
    public void Each_event_is_one_line()
    {
        var line = Written(new TestEnded("a", TestOutcome.Failed) { Message = "two\nlines" });

        line.Count(c => c == '\n').ShouldBe(1);
    }

    [Test]
    public void A_plan_comes_back_with_all_its_metadata()
    {
        var plan = new TestPlanned("F.a", "Fixture", "A") { Points = 3, Hint = "try", Task = 2, TimeLimitSeconds = 30 };

        RoundTrip(plan).ShouldBe(plan);
    }

    [Test]
    public void A_whole_run_comes_back_event_for_event()
    {
        HostEvent[] run =
        [
            new TestPlanned("F.a", "Fixture", "A"),
            new TestStarted("F.a"),
            new TestEnded("F.a", TestOutcome.NotStarted) { NotStarted = "Ports.Open", Message = "m", Output = "o", Seed = 42, DurationMs = 1.5 },
            new RunDone(),
        ];

        run.Select(RoundTrip).ShouldBe(run);
        _reader.Violation.ShouldBeNull();
    }

    [Test]
    public void An_outcome_travels_in_kebab_case() =>
        Written(new TestEnded("a", TestOutcome.NotStarted)).ShouldContain("\"outcome\":\"not-started\"");

    [Test]
    public void An_end_with_an_outcome_only_the_grader_gives_is_a_violation()
    {
        RoundTrip(new TestPlanned("a", "F", "a"));
        RoundTrip(new TestStarted("a"));

        RoundTrip(new TestEnded("a", TestOutcome.Crashed)).ShouldBeNull();
        _reader.Violation.ShouldNotBeNull().ShouldContain("only the grader gives");
    }

    [TestCase("""{"type":"plan","fixture":"F","name":"a"}""", TestName = "A plan without its id is a violation")]
    [TestCase("""{"type":"start","id":null}""", TestName = "A start whose id is null is a violation")]
    [TestCase("""{"type":"finish","id":"a"}""", TestName = "An event type the protocol does not have is a violation")]
    [TestCase("""{"id":"a"}""", TestName = "An event without a type is a violation")]
    [TestCase("""{"type":"end","id":"a","outcome":0}""", TestName = "An outcome given as a number is a violation")]
    [TestCase("""{"type":"end","id":"a","outcome":"won"}""", TestName = "An outcome the protocol does not have is a violation")]
    [TestCase("""not json""", TestName = "A signed line that is not JSON is a violation")]
    public void A_signed_line_that_is_not_a_well_formed_event_is_a_violation(string json)
    {
        _reader.Read(Forged(0, json)).ShouldBeNull();

        _reader.Violation.ShouldNotBeNull().ShouldContain("not valid");
    }

    [Test]
    public void A_line_whose_json_was_changed_after_signing_is_a_violation()
    {
        var line = Written(new TestPlanned("a", "F", "a")).TrimEnd('\n').Replace("\"a\"", "\"b\"");

        _reader.Read(line).ShouldBeNull();
        _reader.Violation.ShouldNotBeNull().ShouldContain("no valid signature");
    }

    [Test]
    public void A_line_signed_out_of_sequence_is_a_violation()
    {
        _reader.Read(Forged(1, """{"type":"done"}""")).ShouldBeNull();

        _reader.Violation.ShouldNotBeNull();
    }
}
