using System.Net;

namespace NetCourse.Lesson01.Tests.Support;

internal static class OsPolling
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Asks <see cref="OsTcpStates.Find"/> until it reports <paramref name="expected"/>: the kernel
    /// changes state a few milliseconds after the packet that causes it. Gives up at the
    /// deadline and says what it saw last.
    /// </summary>
    public static async Task ShouldReachAsync(IPEndPoint local, IPEndPoint remote, TcpState expected, string because)
    {
        var deadline = DateTime.UtcNow + Deadline;
        TcpState? seen;
        while ((seen = OsTcpStates.Find(local, remote)) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        seen.ShouldBe(expected, $"{because} The operating system listed the connection {local} → {remote} as " +
            $"{(seen is null ? "absent" : seen.ToString())} for {Deadline.TotalSeconds} s.");
    }
}
