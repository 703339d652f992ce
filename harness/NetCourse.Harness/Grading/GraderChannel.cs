namespace NetCourse.Harness.Grading;

/// <summary>
/// The host's end of the grader's channel, opened first thing in <c>Main</c>, before any learner
/// code is loaded. Standard input brings the event key (one hex line) and the tests to skip (one
/// full name a line, then an empty line); it is then closed, so the key cannot be read twice.
/// Standard output becomes the event stream, and <see cref="Console.Out"/> is pointed at standard
/// error, so whatever the learner's code prints can never land between the host's lines.
/// </summary>
internal static class GraderChannel
{
    public sealed record Opened(EventSink Sink, IReadOnlySet<string> Skip);

    public static Opened Open()
    {
        var input = Console.In;
        var key = Convert.FromHexString(input.ReadLine() ?? throw new InvalidDataException("the grader sent no event key"));
        var skip = new HashSet<string>(StringComparer.Ordinal);
        for (var line = input.ReadLine(); !string.IsNullOrEmpty(line); line = input.ReadLine()) skip.Add(line);
        input.Dispose();
        Console.SetIn(TextReader.Null);

        var events = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        return new Opened(EventSink.ToChannel(events, new EventSignature(key)), skip);
    }
}
