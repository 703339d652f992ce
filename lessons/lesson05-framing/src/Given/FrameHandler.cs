namespace NetCourse.Lesson05;

/// <summary>
/// Receives one decoded frame. The span is only valid during the call: it may point into the
/// piece the caller fed or into the decoder's own buffer, which the next frame reuses. Copy it
/// (<c>frame.ToArray()</c>) to keep it.
/// </summary>
public delegate void FrameHandler(ReadOnlySpan<byte> frame);
