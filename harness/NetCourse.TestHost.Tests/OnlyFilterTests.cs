namespace NetCourse.TestHost.Tests;

/// <summary>`--only TEXT` finds a test by what the learner sees in the report, not only by its method name.</summary>
public class OnlyFilterTests
{
    private const string ClassName = "NetCourse.Lesson05.Tests.LengthPrefixedDecoderTests";
    private const string TestName = "Payload_larger_than_the_maximum_is_refused";
    private const string FullName = ClassName + "." + TestName;

    [TestCase("Payload_larger", TestName = "The method name's words with underscores select the test")]
    [TestCase("Payload larger", TestName = "The printed sentence's words select the test")]
    [TestCase("payload LARGER than", TestName = "The match ignores case")]
    [TestCase("Length prefixed decoder › Payload larger", TestName = "The fixture and the sentence as the report prints them select the test")]
    [TestCase("LengthPrefixedDecoderTests", TestName = "The fixture's class name selects the test")]
    public void Text_from_the_report_selects_the_test(string text) =>
        HostFilter.OnlyMatches(text, FullName, ClassName, TestName).ShouldBeTrue();

    [TestCase("Payload smaller")]
    [TestCase("Delimiter")]
    public void Text_the_test_does_not_carry_does_not_select_it(string text) =>
        HostFilter.OnlyMatches(text, FullName, ClassName, TestName).ShouldBeFalse();
}
