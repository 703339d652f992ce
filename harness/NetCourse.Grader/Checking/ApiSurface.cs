using System.Reflection;
using System.Runtime.InteropServices;

namespace NetCourse.Grader.Checking;

/// <summary>
/// The public API of an assembly as sorted lines of text, read with a MetadataLoadContext so no
/// learner code is loaded or run. Two implementations of a lesson must produce the same lines.
/// </summary>
public static class ApiSurface
{
    public static IReadOnlyList<string> Describe(string assemblyPath)
    {
        var searchDirs = new[]
        {
            Path.GetDirectoryName(assemblyPath)!,
            RuntimeEnvironment.GetRuntimeDirectory(),
            // Lessons on ASP.NET Core reference its shared framework, which sits beside the runtime's.
            Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "Microsoft.AspNetCore.App",
                Path.GetFileName(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/', '\\'))),
        };
        var paths = searchDirs.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dll"))
            .GroupBy(Path.GetFileName).Select(g => g.First())
            .Where(p => Path.GetFileName(p) != Path.GetFileName(assemblyPath))
            .Append(assemblyPath);
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        return assembly.GetTypes().Where(IsVisible).SelectMany(DescribeType).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines only one side has, marked "- " (missing from <paramref name="actual"/>) or "+ " (extra).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        [.. expected.Except(actual).Select(l => "- " + l), .. actual.Except(expected).Select(l => "+ " + l)];

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType!)) || (type.IsNestedFamily && IsVisible(type.DeclaringType!));

    private static IEnumerable<string> DescribeType(Type type)
    {
        var name = TypeName(type);
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
        var bases = new[] { type.BaseType }.Where(b => b is not null && b.FullName is not ("System.Object" or "System.ValueType" or "System.Enum"))
            .Concat(type.GetInterfaces()).Select(t => TypeName(t!)).Order();
        yield return $"{kind} {name}{(bases.Any() ? " : " + string.Join(", ", bases) : "")}";

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var member in type.GetMembers(all))
        {
            var line = member switch
            {
                FieldInfo f when Visible(f.IsPublic, f.IsFamily, f.IsFamilyOrAssembly) && !f.IsSpecialName =>
                    $"{(f.IsLiteral ? $"const {TypeName(f.FieldType)} {f.Name} = {f.GetRawConstantValue()}" : $"{(f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}field {TypeName(f.FieldType)} {f.Name}")}",
                ConstructorInfo c when Visible(c.IsPublic, c.IsFamily, c.IsFamilyOrAssembly) => $"ctor({Parameters(c)})",
                MethodInfo m when Visible(m.IsPublic, m.IsFamily, m.IsFamilyOrAssembly) =>
                    $"{(m.IsStatic ? "static " : "")}{(m.IsAbstract ? "abstract " : m.IsVirtual && !m.IsFinal ? "virtual " : "")}method {TypeName(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
                EventInfo e when e.AddMethod is { } add && Visible(add.IsPublic, add.IsFamily, add.IsFamilyOrAssembly) => $"event {TypeName(e.EventHandlerType!)} {e.Name}",
                _ => null,
            };
            if (line is not null) yield return $"{name} :: {line}";
        }
    }

    private static bool Visible(bool isPublic, bool isFamily, bool isFamilyOrAssembly) => isPublic || isFamily || isFamilyOrAssembly;

    private static string Generic(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")}{TypeName(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? $" = {p.RawDefaultValue ?? "null"}" : "")}"));

    private static string TypeName(Type type)
    {
        if (type.IsByRef) return TypeName(type.GetElementType()!);
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
        if (type.IsGenericParameter) return type.Name;
        var name = type.IsNested ? TypeName(type.DeclaringType!) + "+" + type.Name : $"{type.Namespace}.{type.Name}";
        if (!type.IsGenericType) return name;
        return name[..name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
