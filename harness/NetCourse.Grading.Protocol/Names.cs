namespace NetCourse.Grading.Protocol;

/// <summary>
/// The NUnit properties grading metadata travels in: the test host's attributes write them on a
/// test, its fixture or its assembly (the nearest wins), and the host reads them into each
/// <see cref="TestPlanned"/>.
/// </summary>
public static class GradingProperties
{
    public const string Points = "NetCourse.Points";
    public const string Hint = "NetCourse.Hint";
    public const string Task = "NetCourse.Task";
    public const string TimeLimitSeconds = "NetCourse.TimeLimitSeconds";

    public const int DefaultPoints = 1;
    public const int DefaultTimeLimitSeconds = 10;
}

/// <summary>The test host's command line, as the grader writes it and the host parses it.</summary>
public static class HostArguments
{
    /// <summary>The grader is on standard input and output (<see cref="ChannelOpening"/>): events go out signed.</summary>
    public const string Channel = "--channel";

    /// <summary>Followed by a text: run only the tests it selects (repeatable).</summary>
    public const string Only = "--only";

    /// <summary>Stop after the first test that fails (enough to know a mutant is killed).</summary>
    public const string StopOnFailure = "--stop-on-failure";
}

/// <summary>The test process's environment variables.</summary>
public static class HostEnvironment
{
    /// <summary>The run's master seed; every test's seed is derived from it and the test's name.</summary>
    public const string Seed = "NETCOURSE_SEED";
}
