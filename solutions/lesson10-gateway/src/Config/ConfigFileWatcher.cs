namespace NetCourse.Lesson10;

/// <summary>
/// Reloads a gateway when its configuration file changes. It looks every <c>interval</c> on the
/// clock (a file system watcher is fast but misses changes on some file systems and fires twice on
/// others; a look every few seconds is boring and always right). A file that does not parse is
/// refused and the running configuration stays: a typo must not take the gateway down.
/// </summary>
public sealed class ConfigFileWatcher : IAsyncDisposable
{
    private readonly Gateway _gateway;
    private readonly string _path;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private string _loadedText;
    private int _checks;
    private int _reloads;
    private volatile GatewayConfigException? _lastError;

    /// <param name="path">The file the gateway's running configuration came from.</param>
    public ConfigFileWatcher(Gateway gateway, string path, TimeSpan interval, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _gateway = gateway;
        _path = path;
        _interval = interval;
        _time = time ?? TimeProvider.System;
        // What is running now: only a change from this is a reload.
        _loadedText = File.ReadAllText(path);
    }

    /// <summary>How many looks at the file have completed.</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>How many changed files were loaded into the gateway.</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    /// <summary>Why the last changed file was refused; null once a good one is loaded.</summary>
    public GatewayConfigException? LastError => _lastError;

    /// <summary>Starts looking every interval, on the clock.</summary>
    public void Start()
    {
        if (!_loop.IsCompleted) throw new InvalidOperationException("The watcher is already running.");
        _loop = WatchAsync(_stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try { await _loop.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            await CheckAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _checks);
        }
    }

    private async Task CheckAsync()
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(_path).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return;   // being replaced right now: look again next time
        }
        if (text == _loadedText) return;
        try
        {
            var config = GatewayConfigLoader.Parse(text);
            await _gateway.ReloadAsync(config).ConfigureAwait(false);
            _lastError = null;
            Interlocked.Increment(ref _reloads);
        }
        catch (GatewayConfigException e)
        {
            _lastError = e;
        }
        // Refused or loaded, this text has had its verdict: do not parse it again every interval.
        _loadedText = text;
    }
}
