using System.Runtime.InteropServices;

namespace NetCourse.Run;

/// <summary>
/// Ctrl+C, SIGINT and SIGTERM as a cancellation token. The handlers stay registered until the
/// process ends: a terminal's Ctrl+C reaches both the grader and this program, and the grader
/// forwards it as well, so a second signal must not kill a shutdown in progress.
/// </summary>
public sealed class StopSignal
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    public StopSignal()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    _stop.Cancel();
                }));
            }
            catch (PlatformNotSupportedException) { } // SIGQUIT on Windows
        }
    }

    public CancellationToken Token => _stop.Token;
}
