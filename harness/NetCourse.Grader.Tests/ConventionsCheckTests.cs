using NetCourse.Grader.Checking;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Tests;

public class ConventionsCheckTests
{
    // The course-wide rule as a README wraps it: the check reads it across line breaks.
    private const string AsyncErrorsRule = """
        **Errors of async members.** When this README says that a member returning a `Task` or a
        `ValueTask` throws, it may throw from the call itself or return a task that fails with that
        exception: the tests accept both, so choose either.
        """;

    private const string GoodReadme = $"""
        # Lesson 03 — Something

        The goal.

        {AsyncErrorsRule}

        ## Task 1 — Parse it

        Write `Parse`: it reads the text.

        **Hint 1.1.** Split at the colon.

        **Hint 1.2.** Then see Hint 1.1 again.

        ## Task 2 — Print it

        Write `Print`.

        ```sh
        ## Task 9 — not a heading inside code
        ```

        **Hint 2.1.** Use a `StringBuilder`.

        ## Running

        `./grade.sh lesson03`.

        ## Try it

        `./grade.sh lesson03 --run`.
        """;

    private static IReadOnlyList<ConventionProblem> Check(string readme) => ConventionsCheck.Readme("README.md", readme, 3);

    private static ReadmeOutline Outline => ConventionsCheck.Outline(GoodReadme);

    [Test]
    public void A_README_that_follows_every_convention_has_no_problem()
    {
        Check(GoodReadme).ShouldBeEmpty();
    }

    [Test]
    public void The_outline_holds_the_tasks_and_hints_outside_code_blocks()
    {
        Outline.Tasks.Order().ShouldBe([1, 2]);
        Outline.Hints.Order().ShouldBe(["1.1", "1.2", "2.1"]);
    }

    [Test]
    public void A_README_without_the_rule_for_errors_of_async_members_is_reported_at_its_first_task()
    {
        var problem = Check(GoodReadme.Replace(AsyncErrorsRule, "")).ShouldHaveSingleItem();

        problem.Line.ShouldBe(7);
        problem.Message.ShouldContain("errors of async members");
    }

    [Test]
    public void A_title_line_of_another_lesson_is_reported_on_line_1()
    {
        Check(GoodReadme.Replace("# Lesson 03", "# Lesson 04")).ShouldHaveSingleItem().Line.ShouldBe(1);
    }

    [Test]
    public void A_hint_without_the_full_stop_inside_the_bold_is_reported_with_its_line()
    {
        var problem = Check(GoodReadme.Replace("**Hint 2.1.**", "**Hint 2.1**")).ShouldHaveSingleItem();

        problem.Line.ShouldBe(25);
        problem.Message.ShouldContain("**Hint N.M.**");
    }

    [Test]
    public void A_hint_numbered_for_another_task_is_reported()
    {
        Check(GoodReadme.Replace("**Hint 2.1.**", "**Hint 1.3.**")).ShouldContain(p => p.Message.Contains("next one is Hint 2.1"));
    }

    [Test]
    public void A_skipped_hint_number_is_reported()
    {
        Check(GoodReadme.Replace("**Hint 1.2.** Then see Hint 1.1", "**Hint 1.3.** Then see Hint 1.1"))
            .ShouldHaveSingleItem().Message.ShouldContain("next one is Hint 1.2");
    }

    [Test]
    public void A_task_of_hints_with_no_statement_is_reported_at_its_heading()
    {
        var problem = Check(GoodReadme.Replace("Write `Print`.\n", "")).ShouldHaveSingleItem();

        problem.Line.ShouldBe(17);
        problem.Message.ShouldContain("no statement of what to build");
    }

    [Test]
    public void A_reference_to_a_hint_that_does_not_exist_is_reported()
    {
        Check(GoodReadme.Replace("see Hint 1.1", "see Hint 1.7")).ShouldHaveSingleItem().Message.ShouldContain("Hint 1.7");
    }

    [Test]
    public void Tasks_out_of_order_are_reported()
    {
        Check(GoodReadme.Replace("## Task 2", "## Task 3").Replace("Hint 2.1", "Hint 3.1"))
            .ShouldHaveSingleItem().Message.ShouldContain("number the tasks");
    }

    [Test]
    public void A_missing_Try_it_section_is_reported()
    {
        Check(GoodReadme.Replace("## Try it", "## Play")).ShouldHaveSingleItem().Message.ShouldContain("## Try it");
    }

    [Test]
    public void Running_before_the_last_task_is_reported()
    {
        var readme = GoodReadme.Replace("## Running\n\n`./grade.sh lesson03`.\n\n", "")
            .Replace("## Task 2", "## Running\n\nGrade it.\n\n## Task 2");

        Check(readme).ShouldContain(p => p.Message.Contains("after \"## Running\""));
    }

    [Test]
    public void A_prose_line_over_120_characters_is_reported_but_a_table_row_is_not()
    {
        var readme = GoodReadme.Replace("The goal.", "The goal " + new string('x', 120) + "\n\n| " + new string('y', 130) + " |");

        Check(readme).ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Test]
    public void A_stub_message_that_names_its_task_passes()
    {
        const string stub = """
            public int Parse(string s) => throw new NotImplementedException("Task 1: split at the colon.");
            public string Print() => throw new NotImplementedException($"Task 2: print {Name}.");
            """;

        ConventionsCheck.Stub("src/A.cs", stub, Outline).ShouldBeEmpty();
    }

    [Test]
    public void A_stub_message_without_its_task_is_reported_with_file_and_line()
    {
        const string stub = "// one\npublic int Parse(string s) =>\n    throw new NotImplementedException(\"Split at the colon.\");\n";

        ConventionsCheck.Stub("src/A.cs", stub, Outline).ShouldHaveSingleItem().ToString().ShouldStartWith("src/A.cs:3: ");
    }

    [Test]
    public void A_stub_message_naming_a_task_the_README_lacks_is_reported()
    {
        ConventionsCheck.Stub("src/A.cs", "throw new NotImplementedException(\"Task 5: later.\");", Outline)
            .ShouldHaveSingleItem().Message.ShouldContain("Task 5");
    }

    [Test]
    public void A_NotImplementedException_with_no_message_is_reported()
    {
        ConventionsCheck.Stub("src/A.cs", "throw new NotImplementedException();", Outline).ShouldHaveSingleItem();
    }

    [Test]
    public void A_test_hint_that_points_at_an_existing_README_hint_passes()
    {
        const string tests = """[Test, Hint("See Hint 1.2: split at the last colon.")]""";

        ConventionsCheck.TestHints("tests/T.cs", tests, Outline).ShouldBeEmpty();
    }

    [Test]
    public void A_test_hint_that_points_at_a_missing_README_hint_is_reported()
    {
        const string tests = "\n[Test, Points(2), Hint(\"See Hint 2.4: nothing there.\")]";

        ConventionsCheck.TestHints("tests/T.cs", tests, Outline).ShouldHaveSingleItem().ToString().ShouldStartWith("tests/T.cs:2: ");
    }

    [Test]
    public void Every_lesson_of_the_course_follows_the_conventions()
    {
        var problems = LessonCatalog.Load(TempCourse.RepoRoot()).Lessons.SelectMany(ConventionsCheck.Lesson).ToList();

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }
}
