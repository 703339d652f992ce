namespace NetCourse.Grading.Protocol;

/// <summary>
/// What the grader sends the host on standard input before any learner code is loaded: the event
/// key (one hex line), then the tests to skip (one full name a line: those finished before a
/// crash or hang restarted the host), then an empty line. The host closes its input after reading
/// it, so the key cannot be read twice.
/// </summary>
public sealed record ChannelOpening(byte[] Key, IReadOnlySet<string> Skip)
{
    public string Write() => Convert.ToHexString(Key) + "\n" + string.Concat(Skip.Order(StringComparer.Ordinal).Select(id => id + "\n")) + "\n";

    public static ChannelOpening Read(TextReader input)
    {
        var key = Convert.FromHexString(input.ReadLine() ?? throw new InvalidDataException("the grader sent no event key"));
        if (key.Length != EventSignature.KeyBytes) throw new InvalidDataException($"the grader's event key has {key.Length} bytes, not {EventSignature.KeyBytes}");
        var skip = new HashSet<string>(StringComparer.Ordinal);
        for (var line = input.ReadLine(); !string.IsNullOrEmpty(line); line = input.ReadLine()) skip.Add(line);
        return new ChannelOpening(key, skip);
    }
}
