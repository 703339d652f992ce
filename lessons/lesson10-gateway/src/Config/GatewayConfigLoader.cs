namespace NetCourse.Lesson10;

/// <summary>
/// Reads a gateway configuration from JSON and refuses a wrong one with an error that names the
/// key: a typo must stop the gateway at start-up, not send traffic somewhere odd at run time.
/// </summary>
public static class GatewayConfigLoader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static GatewayConfig Load(string path) =>
        throw new NotImplementedException("Task 8: read the file and Parse it.");

    /// <summary>Parses and validates <paramref name="json"/>; a <see cref="GatewayConfigException"/> names what is wrong.</summary>
    public static GatewayConfig Parse(string json) =>
        throw new NotImplementedException("Task 8: walk the JsonDocument, building the records and throwing a GatewayConfigException with the key's path at the first wrong value.");
}
