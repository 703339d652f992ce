using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NetCourse.Grader.Running;

/// <summary>
/// Passes Ctrl+C, SIGINT and SIGTERM on to a lesson program running in the foreground, so it
/// stops gracefully whether the signal came from the terminal (which signals both of us) or only
/// to the grader (kill -INT). A second Ctrl+C kills a program that does not stop.
/// </summary>
internal sealed class SignalForwarding : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    private SignalForwarding(Process child)
    {
        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15) })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // we end when the program ends, with its exit code
                if (Interlocked.Increment(ref _signals) > 1 && signal == PosixSignal.SIGINT)
                {
                    try { child.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                    return;
                }
                // Windows delivers Ctrl+C to every process of the console: nothing to forward there.
                if (!OperatingSystem.IsWindows()) try { _ = Kill(child.Id, number); } catch (InvalidOperationException) { }
            }));
        }
    }

    /// <summary>Null where the platform has no such signals: the terminal's Ctrl+C still reaches the program.</summary>
    public static SignalForwarding? TryStart(Process child)
    {
        try { return new SignalForwarding(child); }
        catch (PlatformNotSupportedException) { return null; }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
