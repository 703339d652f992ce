using System.Diagnostics;

namespace NetCourse.Harness.Waiting;

/// <summary>
/// The time a test grants any single wait, as dotnet/runtime's networking tests do: 5 seconds,
/// or forever while a debugger is attached (so stepping through a test never trips it).
/// </summary>
public static class Deadline
{
    public static readonly TimeSpan Standard = TimeSpan.FromSeconds(5);

    /// <summary><paramref name="requested"/> (or <see cref="Standard"/>), unless a debugger is attached.</summary>
    public static TimeSpan Resolve(TimeSpan? requested = null) =>
        Debugger.IsAttached ? Timeout.InfiniteTimeSpan : requested ?? Standard;

    /// <summary>A token source that cancels after the deadline, for APIs that take a token:
    /// <c>using var deadline = Deadline.Start(); await client.ConnectAsync(ep, deadline.Token);</c></summary>
    public static CancellationTokenSource Start(TimeSpan? after = null) => new(Resolve(after));
}
