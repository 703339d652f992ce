using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NetCourse.Notebooks.Execution;

/// <summary>The scripting options that make a Roslyn session behave like Polyglot's C# kernel.</summary>
internal static class ScriptSetup
{
    // The C# kernel's default usings; anything else a notebook imports itself, so it reads the same in VS Code.
    private static readonly string[] Imports =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    // The whole shared framework, as the C# kernel has it. Built once: reading metadata is the slow part.
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        return [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.StartsWith(runtime, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });

    /// <summary>
    /// Options for the cells of the notebook at <paramref name="notebookPath"/>. A relative
    /// <c>#r "path"</c> resolves against the notebook's folder, as it does in VS Code, whose
    /// Polyglot kernel starts there; debug information lets a failure name the cell's line.
    /// </summary>
    public static ScriptOptions For(string notebookPath) => ScriptOptions.Default
        .WithFilePath(notebookPath)
        .WithFileEncoding(Encoding.UTF8)
        .WithEmitDebugInformation(true)
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(Path.GetDirectoryName(notebookPath)))
        .WithReferences(Framework.Value)
        .AddReferences(typeof(NotebookGlobals).Assembly)
        .WithImports(Imports);
}
