namespace NetCourse.Lesson06;

/// <summary>
/// Answers one request line with one reply line (neither contains a line break). The token is
/// cancelled when the server gives up on the connection: a shutdown that ran out of time.
/// </summary>
public delegate ValueTask<string> LineHandler(string line, CancellationToken cancellationToken);
