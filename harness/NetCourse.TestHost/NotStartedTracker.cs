using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NetCourse.TestHost;

/// <summary>
/// Notices a stub member that still throws <see cref="NotImplementedException"/>, even when the
/// test wrapped or swallowed the exception (an assertion on another exception type, a task that
/// faulted on a background thread), so the grader can say "not started: TcpConnection.Open"
/// instead of showing a stack trace.
/// </summary>
internal sealed class NotStartedTracker : IDisposable
{
    private readonly Assembly[] _ignored;
    private readonly ConcurrentDictionary<string, string> _firstMemberByTest = new();

    public NotStartedTracker(params Assembly[] ignored)
    {
        _ignored = ignored;
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
    }

    /// <summary>The first stub member that threw during the test, if any.</summary>
    public string? TakeFirstMemberOf(string testFullName) =>
        _firstMemberByTest.TryRemove(testFullName, out var member) ? member : null;

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;

    private void OnFirstChance(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
    {
        if (e.Exception is not NotImplementedException { TargetSite: { } site }) return;
        if (site.DeclaringType is not { } type || _ignored.Contains(type.Assembly)) return;
        // The test's context flows into tasks and threads it starts, so this names the test
        // even when the stub was called from a background thread.
        var test = TestContext.CurrentContext.Test.FullName;
        _firstMemberByTest.TryAdd(test, Describe(site, type));
    }

    internal static string Describe(MethodBase site, Type type) => StubMemberNames.Describe(site, type);
}
