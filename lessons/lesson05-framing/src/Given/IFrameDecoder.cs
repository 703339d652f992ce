namespace NetCourse.Lesson05;

/// <summary>
/// Turns a byte stream that arrives in arbitrary pieces (TCP keeps no write boundaries) back
/// into the frames the sender wrote, one <see cref="Feed"/> at a time.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>The largest frame (payload, without framing bytes) this decoder accepts.</summary>
    int MaxFrameSize { get; }

    /// <summary>
    /// Consumes the next <paramref name="piece"/> of the stream and calls <paramref name="onFrame"/>
    /// once for every frame it completes, in order: zero, one or many times. Bytes of an
    /// unfinished frame are kept for the next call.
    /// </summary>
    /// <exception cref="FrameTooLargeException">A frame is larger than <see cref="MaxFrameSize"/>;
    /// every frame before it has been delivered, and the decoder accepts nothing more.</exception>
    void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame);

    /// <summary>The stream ended (the peer closed it).</summary>
    /// <exception cref="TruncatedFrameException">The stream ended inside a frame.</exception>
    void Complete();
}
