using System.Text.Json.Serialization;

namespace NetCourse.Grading.Protocol;

/// <summary>
/// What the test host tells the grader, one event a line on the grader's channel, in the order
/// <c>plan* (start end)* done</c> (<see cref="EventReader"/> enforces it; every line is signed,
/// <see cref="EventSignature"/>). Each line is written and flushed on its own, so whatever the
/// learner's code does to the process afterwards (hang, crash, exit), every verdict already
/// written survives, and the grader knows which test was running when it stopped.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TestPlanned), "plan")]
[JsonDerivedType(typeof(TestStarted), "start")]
[JsonDerivedType(typeof(TestEnded), "end")]
[JsonDerivedType(typeof(RunDone), "done")]
public abstract record HostEvent;

/// <summary>A test the host is about to run, with its grading metadata; every plan comes before the first start.</summary>
/// <param name="Id">the test's full NUnit name, which every later event about it carries.</param>
/// <param name="Fixture">the fixture as the report prints it ("Simultaneous close").</param>
/// <param name="Name">the test as the report prints it, a sentence.</param>
public sealed record TestPlanned(string Id, string Fixture, string Name) : HostEvent
{
    public int Points { get; init; } = GradingProperties.DefaultPoints;
    public string? Hint { get; init; }
    public int? Task { get; init; }
    public int TimeLimitSeconds { get; init; } = GradingProperties.DefaultTimeLimitSeconds;
}

/// <summary>The host started the test: from now until its end, a hang or a crash is this test's.</summary>
public sealed record TestStarted(string Id) : HostEvent;

/// <summary>The test finished; <paramref name="Outcome"/> is one the host may give (<see cref="TestOutcomes.HostMayReport"/>).</summary>
public sealed record TestEnded(string Id, TestOutcome Outcome) : HostEvent
{
    /// <summary>What went wrong (the assertion's message, then any failure diagnostics), for a test that did not pass.</summary>
    public string? Message { get; init; }

    /// <summary>The stub member that still throws NotImplementedException, when the outcome is <see cref="TestOutcome.NotStarted"/>.</summary>
    public string? NotStarted { get; init; }

    /// <summary>What the test wrote (bounded by the host).</summary>
    public string? Output { get; init; }

    /// <summary>The run's master seed, when the test failed and drew from its seed (so the report shows the rerun command).</summary>
    public long? Seed { get; init; }

    public double DurationMs { get; init; }
}

/// <summary>Every planned test has run; nothing may follow.</summary>
public sealed record RunDone : HostEvent;
