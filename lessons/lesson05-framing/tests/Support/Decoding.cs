namespace NetCourse.Lesson05.Tests.Support;

/// <summary>Feeds pieces to a decoder and keeps a copy of every frame it hands out.</summary>
public sealed class Decoding(IFrameDecoder decoder)
{
    private readonly List<byte[]> _frames = [];

    public IReadOnlyList<byte[]> Frames => _frames;

    public Decoding Feed(ReadOnlySpan<byte> piece)
    {
        decoder.Feed(piece, frame => _frames.Add(frame.ToArray()));
        return this;
    }

    /// <summary>Feeds <paramref name="stream"/> cut at the given offsets (ascending), then completes.</summary>
    public Decoding FeedCutAt(byte[] stream, params int[] cuts)
    {
        var start = 0;
        foreach (var cut in cuts.Append(stream.Length))
        {
            Feed(stream.AsSpan(start, cut - start));
            start = cut;
        }
        return this;
    }

    public Decoding Complete()
    {
        decoder.Complete();
        return this;
    }

    public static IReadOnlyList<byte[]> All(IFrameDecoder decoder, byte[] stream, params int[] cuts) =>
        new Decoding(decoder).FeedCutAt(stream, cuts).Complete().Frames;
}
