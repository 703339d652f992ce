using NetCourse.Grading.Protocol;

namespace NetCourse.Grading.Protocol.Tests;

/// <summary>The key and the skip list the grader hands the host on standard input.</summary>
public class ChannelOpeningTests
{
    [Test]
    public void The_key_and_the_skip_list_come_back_as_written()
    {
        var key = EventSignature.NewKey();
        var written = new ChannelOpening(key, new HashSet<string> { "F.b", "F.a" }).Write();

        var read = ChannelOpening.Read(new StringReader(written));

        read.ShouldSatisfyAllConditions(
            () => read.Key.ShouldBe(key),
            () => read.Skip.ShouldBe(["F.a", "F.b"], ignoreOrder: true));
    }

    [Test]
    public void Reading_stops_at_the_empty_line()
    {
        var input = new StringReader(new ChannelOpening(EventSignature.NewKey(), new HashSet<string>()).Write() + "after\n");

        ChannelOpening.Read(input).Skip.ShouldBeEmpty();
        input.ReadLine().ShouldBe("after");
    }

    [Test]
    public void No_key_at_all_is_refused() =>
        Should.Throw<InvalidDataException>(() => ChannelOpening.Read(new StringReader("")));

    [Test]
    public void A_key_of_the_wrong_length_is_refused() =>
        Should.Throw<InvalidDataException>(() => ChannelOpening.Read(new StringReader("ABCD\n\n")));
}
