using NetCourse.Grader.Building;

namespace NetCourse.Grader.Tests;

/// <summary>--run skips MSBuild only on a stamp that names the inputs and an assembly still there.</summary>
public class ProgramBuildStampTests
{
    private string _root = null!;
    private string _stamp = null!;
    private string _assembly = null!;

    [SetUp]
    public void CreateFolder()
    {
        _root = Directory.CreateTempSubdirectory("netcourse-program-stamp-").FullName;
        _stamp = Path.Combine(_root, "stamps", "program-stub.json");
        _assembly = Path.Combine(_root, "bin", "Program.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(_assembly)!);
        File.WriteAllText(_assembly, "not really an assembly");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_stamp_of_the_same_inputs_gives_the_assembly_MSBuild_named()
    {
        ProgramBuildStamp.Write(_stamp, "inputs-1", _assembly);

        ProgramBuildStamp.CurrentAssembly(_stamp, "inputs-1").ShouldBe(_assembly);
    }

    [Test]
    public void A_stamp_of_other_inputs_gives_nothing()
    {
        ProgramBuildStamp.Write(_stamp, "inputs-1", _assembly);

        ProgramBuildStamp.CurrentAssembly(_stamp, "inputs-2").ShouldBeNull();
    }

    [Test]
    public void A_stamp_whose_assembly_was_deleted_gives_nothing()
    {
        ProgramBuildStamp.Write(_stamp, "inputs-1", _assembly);
        File.Delete(_assembly);

        ProgramBuildStamp.CurrentAssembly(_stamp, "inputs-1").ShouldBeNull();
    }

    [Test]
    public void No_stamp_gives_nothing()
    {
        ProgramBuildStamp.CurrentAssembly(_stamp, "inputs-1").ShouldBeNull();
    }

    [Test]
    public void A_damaged_stamp_gives_nothing()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_stamp)!);
        File.WriteAllText(_stamp, "{ not json");

        ProgramBuildStamp.CurrentAssembly(_stamp, "inputs-1").ShouldBeNull();
    }
}
