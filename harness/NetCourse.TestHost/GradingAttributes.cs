using NetCourse.Grading.Protocol;

namespace NetCourse.TestHost;

// Grading metadata lives next to each test, as NUnit properties the test host reads (their names:
// GradingProperties, in the protocol). Each attribute may stand on a test, its fixture, or (for
// defaults) the test assembly; the nearest one wins.

/// <summary>Points a test is worth (default 1).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PointsAttribute(int points) : PropertyAttribute(GradingProperties.Points, points);

/// <summary>What to try when the test fails, in a sentence a learner can act on.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class HintAttribute(string hint) : PropertyAttribute(GradingProperties.Hint, hint);

/// <summary>The numbered task of the lesson's README this test belongs to (its hints are there).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class TaskAttribute(int task) : PropertyAttribute(GradingProperties.Task, task);

/// <summary>
/// How long the test may run before the grader stops it and reports a time-out (default 10 s).
/// The grader enforces it from outside the test process, so it holds even for code that never
/// checks a cancellation token.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class TimeLimitAttribute(int seconds) : PropertyAttribute(GradingProperties.TimeLimitSeconds, seconds);
