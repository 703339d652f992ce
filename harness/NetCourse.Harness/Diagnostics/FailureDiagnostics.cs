using System.Collections.Concurrent;

namespace NetCourse.Harness.Diagnostics;

/// <summary>
/// Context a harness component attaches to the running test (a proxy's event log, a wire's
/// trace), printed under the failure message only when the test fails.
/// </summary>
public static class FailureDiagnostics
{
    private static readonly ConcurrentDictionary<string, List<(string Title, Func<string> Describe)>> _byTest = new();

    public static void Attach(string title, Func<string> describe)
    {
        var list = _byTest.GetOrAdd(TestContext.CurrentContext.Test.FullName, _ => []);
        lock (list) list.Add((title, describe));
    }

    internal static string? TakeFor(string testFullName)
    {
        if (!_byTest.TryRemove(testFullName, out var list)) return null;
        lock (list)
        {
            var sections = list.Select(d =>
            {
                string text;
                try { text = d.Describe(); }
                catch (Exception e) { text = $"(could not describe: {e.Message})"; }
                return $"--- {d.Title} ---\n{text.TrimEnd()}";
            });
            return string.Join("\n", sections);
        }
    }
}
