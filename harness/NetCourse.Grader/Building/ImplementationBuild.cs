namespace NetCourse.Grader.Building;

/// <summary>
/// An implementation's project (stub, solution, mutant or alternative) built alone, without the tests.
/// <paramref name="ReferenceAssembly"/> is what the compiler of a dependent project sees (the public
/// API, constants and default values included): two implementations with byte-identical reference
/// assemblies are interchangeable under a tests assembly compiled against either.
/// </summary>
public sealed record ImplementationBuild(bool Succeeded, IReadOnlyList<string> Errors, string? Assembly, string? ReferenceAssembly)
{
    public string? ReferenceHash { get; } = ReferenceAssembly is not null && File.Exists(ReferenceAssembly) ? ContentHash.OfFile(ReferenceAssembly) : null;
}
