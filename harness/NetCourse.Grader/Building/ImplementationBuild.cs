namespace NetCourse.Grader.Building;

/// <summary>An implementation's project (stub, solution, mutant or alternative) built alone, without the tests.</summary>
public sealed record ImplementationBuild(bool Succeeded, IReadOnlyList<string> Errors, string? Assembly);
