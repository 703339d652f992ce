namespace NetCourse.Lesson03;

/// <summary>The exit codes of the program, as shells and scripts read them (<c>$?</c>).</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line was fine, but the work failed: a missing file, a port in use.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (BSD's EX_USAGE is 64; most tools use 2, as grep and bash do).</summary>
    public const int Usage = 2;
}
