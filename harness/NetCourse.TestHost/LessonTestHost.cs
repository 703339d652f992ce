using System.Reflection;
using NetCourse.Grading.Protocol;
using NetCourse.Harness.Diagnostics;
using NetCourse.Harness.Seeds;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace NetCourse.TestHost;

/// <summary>
/// Runs a lesson's test assembly for the grader. Arguments:
/// <list type="bullet">
/// <item><c>--channel</c>: the grader is on standard input and output (<see cref="GraderChannel"/>): the run goes out
/// as signed <see cref="HostEvent"/> lines (<see cref="EventWriter"/>), and the tests to skip (the grader's restart after a crash or hang) come in;
/// without it, a plain report goes to stdout;</item>
/// <item><c>--only NAME</c>: run only tests whose full name contains NAME (repeatable);</item>
/// <item><c>--stop-on-failure</c>: stop after the first failing test (enough to know a mutant is killed).</item>
/// </list>
/// Tests run one at a time, in NUnit's order, so the grader always knows which test is running.
/// </summary>
public static class LessonTestHost
{
    public static int Run(Assembly testAssembly, string[] args)
    {
        HostOptions options;
        try { options = HostOptions.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"test host: {e.Message}");
            return 2;
        }

        // The channel opens before anything else: no learner code has been loaded yet.
        var channel = options.Channel ? GraderChannel.Open() : null;
        using var sink = channel?.Sink ?? EventSink.ToConsole();
        // A NotImplementedException from the course's own code, or NUnit's, is never a stub member.
        using var tracker = new NotStartedTracker(testAssembly, typeof(LessonTestHost).Assembly, typeof(TestSeed).Assembly,
            typeof(HostEvent).Assembly, typeof(Assert).Assembly);

        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(testAssembly, new Dictionary<string, object>
        {
            // One test at a time, so "the running test" is always a single, known test.
            [FrameworkPackageSettings.NumberOfTestWorkers] = 0,
            // Events are written from the test thread as they happen, not from a queue, so a crash
            // can never swallow the verdicts of the tests before it.
            [FrameworkPackageSettings.SynchronousEvents] = true,
            [FrameworkPackageSettings.RandomSeed] = unchecked((int)TestSeed.Master),
        });

        var filter = new HostFilter(channel?.Skip ?? new HashSet<string>(), options.Only);
        foreach (var test in Leaves(runner.ExploreTests(filter)))
            sink.Write(PlanFor(test));

        var listener = new HostListener(sink, tracker, options.StopOnFailure ? () => { runner.StopRun(); } : null);
        runner.Run(listener, filter);
        sink.Write(new RunDone());
        return listener.AllPassed ? 0 : 1;
    }

    private static IEnumerable<ITest> Leaves(ITest test) =>
        test.IsSuite ? test.Tests.SelectMany(Leaves) : [test];

    private static TestPlanned PlanFor(ITest test) => new(test.FullName, ReadableNames.ForFixture(FixtureClassName(test)), ReadableNames.ForTest(test.Name))
    {
        Points = Nearest<int?>(test, GradingProperties.Points) ?? GradingProperties.DefaultPoints,
        Hint = Nearest<string>(test, GradingProperties.Hint),
        Task = Nearest<int?>(test, GradingProperties.Task),
        TimeLimitSeconds = Nearest<int?>(test, GradingProperties.TimeLimitSeconds) ?? GradingProperties.DefaultTimeLimitSeconds,
    };

    /// <summary>
    /// The class of the fixture the test ran in. Not <c>test.ClassName</c>: that is the class that
    /// declares the method, which for a test body shared through an abstract base (one body, an
    /// in-memory and a Redis fixture) is the base, and would give both variants the same name.
    /// </summary>
    private static string FixtureClassName(ITest test)
    {
        for (var suite = test.Parent; suite is not null; suite = suite.Parent)
            if (suite.TestType == "TestFixture" && suite.TypeInfo is { } type) return type.Name;
        return test.ClassName?.Split('.').Last() ?? "";
    }

    /// <summary>A property set on the test, else on its fixture, else on the assembly.</summary>
    private static T? Nearest<T>(ITest? test, string key)
    {
        for (; test is not null; test = test.Parent)
            if (test.Properties.ContainsKey(key)) return (T?)test.Properties.Get(key);
        return default;
    }

    private sealed class HostListener(EventSink sink, NotStartedTracker tracker, Action? stopRun) : ITestListener
    {
        private const int MaxOutputChars = 4000;
        public bool AllPassed { get; private set; } = true;

        private string? _started;

        public void TestStarted(ITest test)
        {
            if (test.IsSuite) return;
            _started = test.FullName;
            sink.Write(new TestStarted(test.FullName));
        }

        public void TestFinished(ITestResult result)
        {
            if (result.Test.IsSuite) return;
            var id = result.Test.FullName;
            // NUnit finishes some tests it never started (a fixture whose set-up failed, an ignored
            // test); the grader accepts only start-then-end, so say the start here.
            if (_started != id) sink.Write(new TestStarted(id));
            _started = null;
            var notStarted = tracker.TakeFirstMemberOf(id);
            var diagnostics = FailureDiagnostics.TakeFor(id);
            var outcome = result.ResultState.Status switch
            {
                TestStatus.Passed => TestOutcome.Passed,
                TestStatus.Skipped => TestOutcome.Skipped,
                _ when notStarted is not null => TestOutcome.NotStarted,
                _ => TestOutcome.Failed,
            };
            var failed = outcome is TestOutcome.Failed or TestOutcome.NotStarted;
            if (failed) AllPassed = false;

            // No stack trace: the report shows the message, the diagnostics and the rerun command;
            // a trace into NUnit's and the harness's frames helps no learner.
            sink.Write(new TestEnded(id, outcome)
            {
                Message = failed ? Join(result.Message, diagnostics) : null,
                NotStarted = outcome == TestOutcome.NotStarted ? notStarted : null,
                Output = Truncate(result.Output),
                Seed = failed && TestSeed.WasUsedBy(id) ? TestSeed.Master : null,
                DurationMs = result.Duration * 1000,
            });
            if (failed) stopRun?.Invoke();
        }

        public void TestOutput(TestOutput output) { }
        public void SendMessage(TestMessage message) { }

        private static string? Join(string? message, string? diagnostics)
        {
            // An assertion's message already says what went wrong; its exception type is noise.
            const string assertion = "Shouldly.ShouldAssertException : ";
            if (message?.StartsWith(assertion, StringComparison.Ordinal) == true) message = message[assertion.Length..];
            return diagnostics is null ? message : $"{message?.TrimEnd()}\n{diagnostics}";
        }

        private static string? Truncate(string? output) =>
            string.IsNullOrEmpty(output) ? null
            : output.Length <= MaxOutputChars ? output
            : output[..MaxOutputChars] + $"\n… ({output.Length - MaxOutputChars} more characters not shown)";
    }
}
