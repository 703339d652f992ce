namespace NetCourse.Lesson06.Tests.Support;

/// <summary>
/// A <see cref="Random"/> that notices two callers inside <see cref="Next()"/> at once, the
/// corruption Hint 2.5 guards against. Once armed, the next call stays inside until
/// <see cref="Release"/>, so a second caller has the time to come in, or to be held at a lock.
/// </summary>
public sealed class SecondCallerRandom : Random
{
    private readonly ManualResetEventSlim _firstInside = new();
    private readonly ManualResetEventSlim _release = new();
    private int _inside;
    private int _armed;
    // Written by a caller of Next, read by the test's polling thread.
    private volatile bool _secondCallerCameIn;

    /// <summary>Whether a caller came into <see cref="Next()"/> while another one was in it.</summary>
    public bool SecondCallerCameIn => _secondCallerCameIn;

    public void Arm() => Volatile.Write(ref _armed, 1);

    /// <summary>Waits until the armed call is inside <see cref="Next()"/>.</summary>
    public bool WaitForFirstCaller(TimeSpan deadline) => _firstInside.Wait(deadline);

    public void Release() => _release.Set();

    public override int Next()
    {
        try
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                _secondCallerCameIn = true;
                _release.Set();
            }
            else if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _firstInside.Set();
                // Bounded: a handler that never lets the second caller in still ends.
                _release.Wait(TimeSpan.FromSeconds(30));
            }
            return 17;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
