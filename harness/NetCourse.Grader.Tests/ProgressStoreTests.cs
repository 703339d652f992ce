using NetCourse.Grading.Protocol;
using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Progress;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Tests;

/// <summary>
/// The overview's memory (.build/progress): a remembered grade answers only while every input that
/// decides it is unchanged, and a store file it did not write is never trusted. No builds: the
/// store works on a course laid out in a temporary folder.
/// </summary>
public class ProgressStoreTests
{
    private string _root = null!;
    private Lesson _lesson = null!;
    private StringWriter _notes = null!;

    [SetUp]
    public void CreateCourse()
    {
        _root = Directory.CreateTempSubdirectory("netcourse-progress-").FullName;
        _lesson = new Lesson(1, "lesson01-demo", "Lesson 01", Path.Combine(_root, "lessons", "lesson01-demo"), _root);
        Write("Directory.Build.props", "<Project />");
        Write("harness/NetCourse.Harness/Helper.cs", "// harness");
        Write("harness/BannedApis/BannedSymbols.Process.txt", "T:System.Diagnostics.Process");
        Write("lessons/lesson01-demo/src/NetCourse.Lesson01.csproj", "<Project />");
        Write("lessons/lesson01-demo/src/Ports.cs", "// stub");
        Write("lessons/lesson01-demo/src/Given/PortLimits.cs", "// given");
        Write("lessons/lesson01-demo/tests/PortsTests.cs", "// tests");
        Write("lessons/lesson01-demo/allowed-apis.txt", "");
        _notes = new StringWriter();
    }

    [TearDown]
    public void DeleteCourse() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private ProgressStore Store(string grader = "grader-1", string sdk = "sdk-1") => new(_root, _notes, grader, sdk);

    /// <summary>Remembers a grade of 3 tests, 2 passed, with seed 7, keyed by the course as it is now.</summary>
    private void RememberAGrade()
    {
        var store = Store();
        store.Remember(Run(seed: 7), store.Key(_lesson));
    }

    private LessonRun Run(long seed)
    {
        TestVerdict Verdict(string id, TestOutcome outcome) => new() { Id = id, Fixture = "PortsTests", Name = id, Points = 2, Outcome = outcome };
        return new LessonRun(_lesson, Implementation.Stub, seed, new BuildResult(true, [], "tests.dll"),
            [Verdict("a", TestOutcome.Passed), Verdict("b", TestOutcome.Passed), Verdict("c", TestOutcome.Failed)]);
    }

    [Test]
    public void A_remembered_grade_answers_while_nothing_changed()
    {
        RememberAGrade();

        var row = Store().Recall(_lesson, seed: null).ShouldNotBeNull();

        row.Source.ShouldBe(ProgressSource.Remembered);
        (row.Passed, row.Tests, row.PointsEarned, row.PointsPossible).ShouldBe((2, 3, 4, 6));
        _notes.ToString().ShouldBeEmpty();
    }

    [TestCase("lessons/lesson01-demo/src/Ports.cs", TestName = "Editing a learner's source file forgets the grade")]
    [TestCase("lessons/lesson01-demo/src/Extra.cs", TestName = "Adding a learner's source file forgets the grade")]
    [TestCase("lessons/lesson01-demo/src/NetCourse.Lesson01.csproj", TestName = "Editing the learner's project file forgets the grade")]
    [TestCase("lessons/lesson01-demo/src/Given/PortLimits.cs", TestName = "Changing the lesson's given code forgets the grade")]
    [TestCase("lessons/lesson01-demo/tests/PortsTests.cs", TestName = "Changing the lesson's tests forgets the grade")]
    [TestCase("lessons/lesson01-demo/allowed-apis.txt", TestName = "Changing the lesson's API allowances forgets the grade")]
    [TestCase("harness/NetCourse.Harness/Helper.cs", TestName = "Changing the harness forgets the grade")]
    [TestCase("harness/NetCourse.TestHost/Helper.cs", TestName = "Changing the test host forgets the grade")]
    [TestCase("harness/NetCourse.Grading.Protocol/Helper.cs", TestName = "Changing the grading protocol forgets the grade")]
    [TestCase("harness/BannedApis/BannedSymbols.Process.txt", TestName = "Changing the API gate forgets the grade")]
    [TestCase("Directory.Build.props", TestName = "Changing a build file forgets the grade")]
    public void Changing_one_input_forgets_the_grade(string file)
    {
        RememberAGrade();

        Write(file, "// changed");

        Store().Recall(_lesson, seed: null).ShouldBeNull($"a grade remembered before {file} changed still answered");
    }

    [Test]
    public void Another_grader_forgets_the_grade()
    {
        RememberAGrade();

        Store(grader: "grader-2").Recall(_lesson, seed: null).ShouldBeNull();
    }

    [Test]
    public void Another_SDK_forgets_the_grade()
    {
        RememberAGrade();

        Store(sdk: "sdk-2").Recall(_lesson, seed: null).ShouldBeNull();
    }

    [Test]
    public void Asking_for_another_seed_forgets_the_grade()
    {
        RememberAGrade();

        Store().Recall(_lesson, seed: 8).ShouldBeNull();
    }

    [Test]
    public void Asking_for_the_seed_it_was_graded_with_answers()
    {
        RememberAGrade();

        Store().Recall(_lesson, seed: 7).ShouldNotBeNull();
    }

    [Test]
    public void A_key_taken_before_the_grade_is_the_one_remembered()
    {
        var store = Store();
        var before = store.Key(_lesson);
        Write("lessons/lesson01-demo/src/Ports.cs", "// saved while the tests ran");

        store.Remember(Run(seed: 7), before);

        store.Recall(_lesson, seed: null).ShouldBeNull("verdicts on the code before a save were credited to the code after it");
    }

    [TestCase("{ not json", TestName = "A corrupted store file is ignored with a note")]
    [TestCase("", TestName = "An empty store file is ignored with a note")]
    [TestCase("null", TestName = "A store file holding null is ignored with a note")]
    public void An_unreadable_store_file_is_ignored_with_a_note(string content)
    {
        RememberAGrade();
        File.WriteAllText(Store().PathOf(_lesson), content);

        Store().Recall(_lesson, seed: null).ShouldBeNull();

        _notes.ToString().ShouldContain("ignored .build/progress/lesson01-demo.json");
    }

    [TestCase("\"lesson01-demo\"", "\"lesson02-other\"", TestName = "A store file of another lesson is ignored with a note")]
    [TestCase("\"Passed\":2", "\"Passed\":9", TestName = "A store file claiming more passes than tests is ignored with a note")]
    [TestCase("\"Format\":1", "\"Format\":99", TestName = "A store file of another format is ignored with a note")]
    public void A_store_file_this_grader_did_not_write_is_ignored_with_a_note(string field, string forged)
    {
        RememberAGrade();
        var path = Store().PathOf(_lesson);
        File.WriteAllText(path, File.ReadAllText(path).Replace(field, forged));

        Store().Recall(_lesson, seed: null).ShouldBeNull();

        _notes.ToString().ShouldContain("not written by this grader for lesson01");
    }

    [Test]
    public void A_src_matching_the_fingerprint_is_the_untouched_stub()
    {
        new UntouchedStub(UntouchedStub.SourcesHashOf(_lesson), 3, 6).Write(_lesson);

        UntouchedStub.IsUntouched(_lesson, out var stub).ShouldBeTrue();
        stub.ShouldNotBeNull().Tests.ShouldBe(3);
    }

    [TestCase("lessons/lesson01-demo/src/Ports.cs", TestName = "An edited source file is not the untouched stub")]
    [TestCase("lessons/lesson01-demo/src/New.cs", TestName = "An added source file is not the untouched stub")]
    public void A_changed_src_is_not_the_untouched_stub(string file)
    {
        new UntouchedStub(UntouchedStub.SourcesHashOf(_lesson), 3, 6).Write(_lesson);

        Write(file, "// the learner's work");

        UntouchedStub.IsUntouched(_lesson, out _).ShouldBeFalse();
    }

    [Test]
    public void A_lesson_without_a_fingerprint_is_never_taken_for_untouched() =>
        UntouchedStub.IsUntouched(_lesson, out _).ShouldBeFalse();
}
