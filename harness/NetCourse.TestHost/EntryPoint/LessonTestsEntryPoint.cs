// Compiled into every lesson's test assembly (see Directory.Build.targets): the grader runs the
// test assembly as a program, and this hands control to the course's test host.
internal static class LessonTestsEntryPoint
{
    public static int Main(string[] args) =>
        NetCourse.TestHost.LessonTestHost.Run(typeof(LessonTestsEntryPoint).Assembly, args);
}
