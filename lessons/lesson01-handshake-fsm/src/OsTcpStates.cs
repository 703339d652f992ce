using System.Net;
using System.Net.NetworkInformation;
using OsTcpState = System.Net.NetworkInformation.TcpState;

namespace NetCourse.Lesson01;

/// <summary>
/// What the operating system says about its real TCP connections: the <c>netstat -an</c> of
/// the Go material, read through <see cref="IPGlobalProperties"/>.
/// </summary>
public static class OsTcpStates
{
    /// <summary>
    /// The state the operating system reports for the connection between
    /// <paramref name="local"/> and <paramref name="remote"/>, or null when it lists no such
    /// connection (never opened, or gone for good).
    /// </summary>
    public static TcpState? Find(IPEndPoint local, IPEndPoint remote) =>
        throw new NotImplementedException("Task 6: look the connection up in IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections() by both endpoints; null when absent.");

    /// <summary>The lesson's name for an operating-system TCP state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="OsTcpState.Unknown"/>, which names no state of RFC 9293.</exception>
    public static TcpState ToLessonState(OsTcpState state) =>
        throw new NotImplementedException("Task 6: map each System.Net.NetworkInformation.TcpState to the lesson's TcpState (DeleteTcb is CLOSED, Unknown throws).");
}
