using NetCourse.Grading.Protocol;

namespace NetCourse.TestHost.Tests;

/// <summary>The host's command line, as the grader writes it (<see cref="HostArguments"/>).</summary>
public class HostOptionsTests
{
    [Test]
    public void No_arguments_is_a_plain_run_of_every_test()
    {
        var options = HostOptions.Parse([]);

        options.ShouldSatisfyAllConditions(
            () => options.Channel.ShouldBeFalse(),
            () => options.StopOnFailure.ShouldBeFalse(),
            () => options.Only.ShouldBeEmpty());
    }

    [Test]
    public void The_grader_s_arguments_are_all_understood()
    {
        var options = HostOptions.Parse([HostArguments.Channel, HostArguments.Only, "Ports", HostArguments.StopOnFailure, HostArguments.Only, "Close"]);

        options.ShouldSatisfyAllConditions(
            () => options.Channel.ShouldBeTrue(),
            () => options.StopOnFailure.ShouldBeTrue(),
            () => options.Only.ShouldBe(["Ports", "Close"]));
    }

    [Test]
    public void An_unknown_argument_is_refused() =>
        Should.Throw<ArgumentException>(() => HostOptions.Parse(["--everything"])).Message.ShouldContain("--everything");

    [Test]
    public void Only_without_its_text_is_refused() =>
        Should.Throw<ArgumentException>(() => HostOptions.Parse([HostArguments.Only])).Message.ShouldContain("needs a value");
}
