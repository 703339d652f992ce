namespace NetCourse.Lesson10;

/// <summary>
/// Reloads a gateway when its configuration file changes. It looks every <c>interval</c> on the
/// clock. A file that does not parse is refused and the running configuration stays: a typo must
/// not take the gateway down.
/// </summary>
public sealed class ConfigFileWatcher : IAsyncDisposable
{
    /// <param name="path">The file the gateway's running configuration came from.</param>
    public ConfigFileWatcher(Gateway gateway, string path, TimeSpan interval, TimeProvider? time = null) =>
        throw new NotImplementedException("Task 8: keep the gateway, the path, the interval and the clock, and read the file's text as it is now (what is running).");

    /// <summary>How many looks at the file have completed.</summary>
    public int Checks =>
        throw new NotImplementedException("Task 8: count the completed looks at the file.");

    /// <summary>How many changed files were loaded into the gateway.</summary>
    public int Reloads =>
        throw new NotImplementedException("Task 8: count the reloads.");

    /// <summary>Why the last changed file was refused; null once a good one is loaded.</summary>
    public GatewayConfigException? LastError =>
        throw new NotImplementedException("Task 8: the GatewayConfigException of the last refused file.");

    /// <summary>Starts looking every interval, on the clock.</summary>
    public void Start() =>
        throw new NotImplementedException("Task 8: a PeriodicTimer(interval, clock) loop: read the file, and if its text changed, Parse it and ReloadAsync (or keep the error).");

    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 8: stop the loop and wait for it to end.");
}
