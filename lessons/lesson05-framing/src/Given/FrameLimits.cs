namespace NetCourse.Lesson05;

public static class FrameLimits
{
    /// <summary>1 MiB: the maximum frame size when a decoder is not given one.</summary>
    public const int DefaultMaxFrameSize = 1024 * 1024;
}
