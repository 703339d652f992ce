using System.Reflection;
using System.Runtime.InteropServices;

namespace NetCourse.Grader.Checking;

/// <summary>
/// The public API of an assembly as sorted lines of text, read with a MetadataLoadContext so no
/// learner code is loaded or run. Two implementations of a lesson must produce the same lines.
/// </summary>
public static class ApiSurface
{
    /// <param name="forBinding">also describe what a compiler reads beyond the signatures — custom
    /// attributes (nullability, extension, obsolete, …), required modifiers (init, in) and generic
    /// constraints — so two assemblies with equal lines can stand in for each other under code compiled
    /// against either (the grader's re-grade without recompiling the tests relies on it).</param>
    /// <param name="dependencies">another folder to resolve the assembly's references from (a library's
    /// own output folder does not hold its packages; the tests' folder does).</param>
    public static IReadOnlyList<string> Describe(string assemblyPath, bool forBinding = false, string? dependencies = null)
    {
        var searchDirs = new[]
        {
            Path.GetDirectoryName(assemblyPath)!,
            dependencies ?? Path.GetDirectoryName(assemblyPath)!,
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
        var lines = assembly.GetTypes().Where(IsVisible).SelectMany(t => DescribeType(t, forBinding));
        if (forBinding) lines = lines.Concat(Attributes(assembly.GetCustomAttributesData()).Select(a => $"assembly {a}"));
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines only one side has, marked "- " (missing from <paramref name="actual"/>) or "+ " (extra).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        [.. expected.Except(actual).Select(l => "- " + l), .. actual.Except(expected).Select(l => "+ " + l)];

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNestedPublic && IsVisible(type.DeclaringType!)) || (type.IsNestedFamily && IsVisible(type.DeclaringType!));

    private static IEnumerable<string> DescribeType(Type type, bool forBinding)
    {
        if (forBinding) foreach (var line in BindingDetails(type)) yield return line;
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

    /// <summary>What a compiler reads of a type and its visible members besides their signatures.</summary>
    private static IEnumerable<string> BindingDetails(Type type)
    {
        var name = TypeName(type);
        foreach (var attribute in Attributes(type.GetCustomAttributesData())) yield return $"{name} [{attribute}]";
        foreach (var argument in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
            yield return $"{name} <{argument.Name}> {argument.GenericParameterAttributes} : {string.Join(", ", argument.GetGenericParameterConstraints().Select(TypeName))}";
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var member in type.GetMembers(all))
        {
            var visible = member switch
            {
                FieldInfo f => Visible(f.IsPublic, f.IsFamily, f.IsFamilyOrAssembly),
                MethodBase b => Visible(b.IsPublic, b.IsFamily, b.IsFamilyOrAssembly),
                PropertyInfo p => p.GetMethod is { } g && Visible(g.IsPublic, g.IsFamily, g.IsFamilyOrAssembly)
                    || p.SetMethod is { } s && Visible(s.IsPublic, s.IsFamily, s.IsFamilyOrAssembly),
                EventInfo e => e.AddMethod is { } add && Visible(add.IsPublic, add.IsFamily, add.IsFamilyOrAssembly),
                _ => false,
            };
            if (!visible) continue;
            var id = $"{name} :: {member.MemberType} {member.Name}";
            foreach (var attribute in Attributes(member.GetCustomAttributesData())) yield return $"{id} [{attribute}]";
            foreach (var line in Nullability(member)) yield return $"{id} {line}";
            if (member is not MethodBase method) continue;
            var signature = $"{id}({Parameters(method)})";
            if (method is MethodInfo m)
            {
                yield return $"{signature} returns modreq({string.Join(", ", m.ReturnParameter.GetRequiredCustomModifiers().Select(TypeName))})";
                foreach (var attribute in Attributes(m.ReturnParameter.GetCustomAttributesData())) yield return $"{signature} returns [{attribute}]";
                foreach (var argument in m.IsGenericMethodDefinition ? m.GetGenericArguments() : [])
                    yield return $"{signature} <{argument.Name}> {argument.GenericParameterAttributes} : {string.Join(", ", argument.GetGenericParameterConstraints().Select(TypeName))}";
            }
            foreach (var parameter in method.GetParameters())
            {
                yield return $"{signature} {parameter.Name} modreq({string.Join(", ", parameter.GetRequiredCustomModifiers().Select(TypeName))})";
                foreach (var attribute in Attributes(parameter.GetCustomAttributesData())) yield return $"{signature} {parameter.Name} [{attribute}]";
            }
        }
    }

    /// <summary>The nullability callers see (?, !) of a field, property, event, or a method's return and parameters.</summary>
    private static IEnumerable<string> Nullability(MemberInfo member)
    {
        var context = new NullabilityInfoContext();
        static string Show(NullabilityInfo info) =>
            $"{info.ReadState}/{info.WriteState}" + (info.ElementType is { } e ? $"[{Show(e)}]" : "")
            + (info.GenericTypeArguments.Length > 0 ? "<" + string.Join(",", info.GenericTypeArguments.Select(Show)) + ">" : "");
        switch (member)
        {
            case FieldInfo f: yield return "nullability " + Show(context.Create(f)); break;
            case PropertyInfo p: yield return "nullability " + Show(context.Create(p)); break;
            case EventInfo e: yield return "nullability " + Show(context.Create(e)); break;
            case MethodBase m:
                if (m is MethodInfo mi) yield return "returns nullability " + Show(context.Create(mi.ReturnParameter));
                foreach (var parameter in m.GetParameters()) yield return $"{parameter.Name} nullability " + Show(context.Create(parameter));
                break;
        }
    }

    /// <summary>
    /// Attributes that say how a member is implemented, not how a caller may use it (an async method's
    /// state machine, debugger hints), and the compiler's compressed nullability encoding, which
    /// depends on private members too; effective nullability is described per member instead.
    /// </summary>
    private static readonly HashSet<string> ImplementationDetails =
    [
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute", "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute", "System.Runtime.CompilerServices.EnumeratorCancellationAttribute",
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerHiddenAttribute", "System.Diagnostics.DebuggerBrowsableAttribute",
        "System.Diagnostics.DebuggerDisplayAttribute", "System.Runtime.CompilerServices.NullableAttribute",
        "System.Runtime.CompilerServices.NullableContextAttribute", "System.Runtime.CompilerServices.NullablePublicOnlyAttribute",
    ];

    private static IEnumerable<string> Attributes(IEnumerable<CustomAttributeData> attributes) =>
        attributes.Where(a => !ImplementationDetails.Contains(a.AttributeType.FullName ?? "")).Select(a => $"{TypeName(a.AttributeType)}({string.Join(", ", a.ConstructorArguments.Select(Argument).Concat(a.NamedArguments.Select(n => $"{n.MemberName}={Argument(n.TypedValue)}")))})");

    private static string Argument(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? "[" + string.Join(", ", items.Select(Argument)) + "]" : $"{argument.Value}";

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
