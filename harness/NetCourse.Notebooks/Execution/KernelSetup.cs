using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// The kernel a notebook runs on: a C# kernel inside a composite kernel, as the dotnet-interactive
/// tool behind VS Code's Polyglot Notebooks builds it, with the parts of its setup that these
/// packages carry: the kernel helpers (<c>display(...)</c>), <c>#!who</c>/<c>#!whos</c>, value
/// sharing (<c>#!set</c>, <c>#!share</c>) and <c>#!import</c>. The formatter keeps its defaults
/// (text/html for values other than strings), which is what VS Code stores.
/// </summary>
internal static class KernelSetup
{
    public const string CSharp = "csharp";

    public static CompositeKernel Create()
    {
        // Formatters are process-wide: a notebook that registers one must not change the next notebook's outputs.
        Formatter.ResetToDefault();
        var csharp = new CSharpKernel().UseKernelHelpers().UseWho().UseValueSharing();
        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = CSharp;
        return composite.UseImportMagicCommand();
    }
}
