using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NetCourse.Run;

/// <summary>
/// Names a stub member that still throws <see cref="NotImplementedException"/> the way the
/// grader does ("not started: LineServer.Start"), even when it threw on a background task that
/// nobody awaits, so a silent server says why it is silent.
/// </summary>
internal sealed class NotStarted
{
    private readonly ConcurrentDictionary<string, string> _reported = new();
    private readonly TextWriter _error;

    public NotStarted(TextWriter error)
    {
        _error = error;
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is NotImplementedException notImplemented && Describe(notImplemented) is { } member) Report(member, notImplemented.Message);
        };
    }

    /// <summary>Says once per member that it is not started, and which task of the README writes it.</summary>
    public void Report(string member, string todo)
    {
        if (_reported.TryAdd(member, todo))
            _error.WriteLine($"not started: {member} — {todo}");
    }

    public bool Any => !_reported.IsEmpty;

    /// <summary>The lesson member that threw (learner code lives in the NetCourse.LessonNN assemblies only).</summary>
    public static string? Describe(NotImplementedException e)
    {
        if (e.TargetSite is not { DeclaringType: { } type } site) return null;
        var assembly = type.Assembly.GetName().Name ?? "";
        if (!assembly.StartsWith("NetCourse.Lesson", StringComparison.Ordinal) || assembly.EndsWith(".Run", StringComparison.Ordinal)) return null;
        return NetCourse.TestHost.StubMemberNames.Describe(site, type);
    }
}
