namespace NetCourse.Lesson08;

/// <summary>The outcome of looking for an HTTP request head in the bytes received so far.</summary>
public enum HandshakeParse
{
    /// <summary>The head has not ended yet (no blank line): read more.</summary>
    NeedMore,
    /// <summary>A complete head was parsed and taken from the buffer.</summary>
    Request,
    /// <summary>The head is not HTTP/1.x syntax: answer 400 and close.</summary>
    Malformed,
    /// <summary>The head is longer than <see cref="HttpUpgradeRequest.MaxHeadBytes"/> (whether or
    /// not its end has arrived): answer 431 and close.</summary>
    TooLarge,
}
