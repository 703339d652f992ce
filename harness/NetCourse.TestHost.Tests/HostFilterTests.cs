using NSubstitute;
using NUnit.Framework.Interfaces;

namespace NetCourse.TestHost.Tests;

/// <summary>A restarted host skips the tests that already finished; <c>--only</c> narrows the run.</summary>
public class HostFilterTests
{
    private const string Fixture = "NetCourse.Lesson01.Tests.PortsTests";

    private static ITest Test(string name)
    {
        var test = Substitute.For<ITest>();
        test.IsSuite.Returns(false);
        test.Name.Returns(name);
        test.ClassName.Returns(Fixture);
        test.FullName.Returns($"{Fixture}.{name}");
        return test;
    }

    private static ITest Suite(params ITest[] tests)
    {
        var suite = Substitute.For<ITest>();
        suite.IsSuite.Returns(true);
        suite.FullName.Returns(Fixture);
        suite.Tests.Returns(tests.ToList());
        return suite;
    }

    private static HostFilter Filter(string[]? skip = null, string[]? only = null) =>
        new(new HashSet<string>(skip ?? []), only ?? []);

    [Test]
    public void Without_a_skip_list_or_only_every_test_runs() =>
        Filter().Pass(Test("Binds_a_port"), negated: false).ShouldBeTrue();

    [Test]
    public void A_test_on_the_skip_list_does_not_run() =>
        Filter(skip: [$"{Fixture}.Binds_a_port"]).Pass(Test("Binds_a_port"), negated: false).ShouldBeFalse();

    [Test]
    public void A_suite_runs_while_one_of_its_tests_is_not_skipped() =>
        Filter(skip: [$"{Fixture}.Binds_a_port"]).Pass(Suite(Test("Binds_a_port"), Test("Closes_the_port")), negated: false).ShouldBeTrue();

    [Test]
    public void A_suite_whose_tests_are_all_skipped_does_not_run() =>
        Filter(skip: [$"{Fixture}.Binds_a_port"]).Pass(Suite(Test("Binds_a_port")), negated: false).ShouldBeFalse();

    [Test]
    public void A_matching_suite_does_not_pass_its_skipped_tests() =>
        Filter(skip: [$"{Fixture}.Binds_a_port"], only: ["Ports"]).Pass(Test("Binds_a_port"), negated: false).ShouldBeFalse();

    [Test]
    public void Only_runs_the_tests_it_selects() =>
        Filter(only: ["Closes"]).Pass(Test("Binds_a_port"), negated: false).ShouldBeFalse();

    [Test]
    public void A_test_any_of_several_only_texts_selects_runs() =>
        Filter(only: ["Closes", "Binds a"]).Pass(Test("Binds_a_port"), negated: false).ShouldBeTrue();

    [Test]
    public void No_test_counts_as_selected_explicitly() =>
        Filter(only: ["Binds"]).IsExplicitMatch(Test("Binds_a_port")).ShouldBeFalse();
}
