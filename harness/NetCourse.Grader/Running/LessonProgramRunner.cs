using System.Diagnostics;
using NetCourse.Grader.Building;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Running;

/// <summary>
/// <c>grade.sh LESSON --run</c>: builds the lesson's program (lessons/&lt;slug&gt;/run) against the
/// learner's code or the solution and runs it in the foreground, on this terminal, until it ends.
/// </summary>
public sealed class LessonProgramRunner(LessonCatalog catalog, TextWriter output, TextWriter error, string shim)
{
    public async Task<int> RunAsync(Lesson lesson, Implementation implementation, IReadOnlyList<string> arguments)
    {
        if (LessonProgramProject.Find(catalog, lesson) is not { } program)
        {
            var notebook = Directory.EnumerateFiles(Path.Combine(catalog.RepoRoot, "notebooks"), $"{lesson.Number:00}-*.ipynb").FirstOrDefault();
            output.WriteLine($"{lesson.Id} has no program to run: what it builds is a library, not a server or a tool.");
            if (notebook is not null)
                output.WriteLine($"See it at work in its notebook, {Path.GetRelativePath(catalog.RepoRoot, notebook).Replace('\\', '/')} (VS Code with Polyglot Notebooks), and grade it with {shim} {lesson.Id}.");
            return 0;
        }
        if (implementation.Kind == ImplementationKind.Solution && !Directory.Exists(lesson.SolutionDirectory))
            throw new GraderException("this copy of the course has no solutions (it is a learner's copy): --run runs your code.");

        if (program.Owner != lesson)
            error.WriteLine($"{lesson.Id}'s code runs inside {program.Owner.Id}'s program, with {program.Owner.Id}'s code behind it.");
        var builder = new LessonBuilder(catalog.RepoRoot);
        var inputs = ProgramBuildStamp.Compute(catalog, program, implementation);
        var stampFile = ProgramBuildStamp.FileFor(builder.BuildRoot, program, implementation);
        var assembly = ProgramBuildStamp.CurrentAssembly(stampFile, inputs);
        if (assembly is null)
        {
            error.WriteLine($"Building {program.Owner.Id}'s program with {implementation}…");
            var (exitCode, buildOutput, located) = await builder.BuildAndLocateAsync(program.ProjectPath, implementation.MSBuildProperties);
            if (exitCode != 0 || located is null || !File.Exists(located))
            {
                error.WriteLine($"grade: {(implementation.Kind == ImplementationKind.Stub ? "your code" : implementation.ToString())} does not compile, so there is nothing to run yet:");
                foreach (var line in builder.Diagnostics(buildOutput).Take(20)) error.WriteLine($"  {line}");
                return 1;
            }
            ProgramBuildStamp.Write(stampFile, inputs, located);
            assembly = located;
        }
        return await StartAsync(assembly, arguments, new Dictionary<string, string>
        {
            ["NETCOURSE_RUN_WHAT"] = implementation.Kind == ImplementationKind.Stub ? "your code" : implementation.ToString(),
            ["NETCOURSE_RUN_COMMAND"] = $"{shim} {lesson.Id} --run{(implementation.Kind == ImplementationKind.Solution ? " --solution" : "")}",
        });
    }

    /// <summary>Runs the program with this terminal's stdin, stdout and stderr, and returns its exit code.</summary>
    private static async Task<int> StartAsync(string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info) ?? throw new GraderException("could not start the lesson's program.");
        using var forwarding = SignalForwarding.TryStart(process);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
