namespace NetCourse.Lesson10;

/// <summary>A configuration the gateway refuses, naming the offending key as a JSON path
/// (<c>routes[1].backends[0].weight</c>) so the person who wrote it can find it.</summary>
public sealed class GatewayConfigException(string key, string problem) : Exception($"{key}: {problem}")
{
    /// <summary>Where in the document: <c>routes[1].strategy</c>, <c>tcp[0].listen</c>, <c>(document)</c>.</summary>
    public string Key { get; } = key;

    public string Problem { get; } = problem;
}
