using System.Threading.Channels;

namespace NetCourse.Lesson07.Benchmarks;

/// <summary>
/// The baseline: the pool most people write first, on System.Threading.Channels. Idle
/// connections wait in a channel; a borrower takes one, dials while fewer than the maximum
/// exist, or waits on the channel. No idle timeout, no health check, no double-return guard.
/// </summary>
public sealed class ChannelPool(NoopDialer dialer, int maxConnections)
{
    private readonly Channel<NoopConnection> _idle = Channel.CreateBounded<NoopConnection>(
        new BoundedChannelOptions(maxConnections) { SingleReader = false, SingleWriter = false });
    private int _created;

    public ValueTask<NoopConnection> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_idle.Reader.TryRead(out var connection)) return new(connection);
        if (Interlocked.Increment(ref _created) <= maxConnections) return dialer.DialAsync(cancellationToken);
        Interlocked.Decrement(ref _created);
        return _idle.Reader.ReadAsync(cancellationToken);
    }

    public void Return(NoopConnection connection) => _idle.Writer.TryWrite(connection);
}
