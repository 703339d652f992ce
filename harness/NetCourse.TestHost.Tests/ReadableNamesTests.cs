namespace NetCourse.TestHost.Tests;

/// <summary>Test names written as sentences read as prose in the report.</summary>
public class ReadableNamesTests
{
    [Test]
    public void A_test_name_reads_as_a_sentence_that_keeps_its_capitals() =>
        ReadableNames.ForTest("passive_open_moves_to_LISTEN").ShouldBe("Passive open moves to LISTEN");

    [Test]
    public void A_test_case_keeps_its_arguments_as_written() =>
        ReadableNames.ForTest("Splits_at(\"a_b\",3)").ShouldBe("Splits at (\"a_b\",3)");

    [Test]
    public void A_name_of_underscores_only_is_left_as_it_is() =>
        ReadableNames.ForTest("__").ShouldBe("__");

    [Test]
    public void A_fixture_loses_its_Tests_suffix_and_reads_as_words() =>
        ReadableNames.ForFixture("SimultaneousCloseTests").ShouldBe("Simultaneous close");

    [Test]
    public void An_acronym_in_a_fixture_stays_in_capitals() =>
        ReadableNames.ForFixture("HTTPParserTests").ShouldBe("HTTP parser");

    [Test]
    public void An_underscore_in_a_fixture_becomes_a_space() =>
        ReadableNames.ForFixture("Redis_backendTests").ShouldBe("Redis backend");
}
