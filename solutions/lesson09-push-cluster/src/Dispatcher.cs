namespace NetCourse.Lesson09;

/// <summary>
/// The dispatch service's work: find the node that holds a message's user, and hand the message
/// to it. The message is already stored; dispatch is the fast path, and failing it costs latency,
/// never a message.
/// </summary>
public sealed class Dispatcher : IDispatcher
{
    private readonly ISessionRegistry _registry;
    private readonly INodeClient _nodes;

    public Dispatcher(ISessionRegistry registry, INodeClient nodes)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(nodes);
        _registry = registry;
        _nodes = nodes;
    }

    public async Task<DispatchOutcome> DispatchAsync(PushMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var node = await _registry.LookupAsync(message.UserId, cancellationToken).ConfigureAwait(false);
        // Offline is not an error: the message waits in the store for the user's next connection.
        if (node is null) return DispatchOutcome.UserOffline;
        try
        {
            return await _nodes.DeliverAsync(node, message, cancellationToken).ConfigureAwait(false)
                ? DispatchOutcome.Delivered
                : DispatchOutcome.NotOnNode;
        }
        catch (HttpRequestException)
        {
            // A dead or stuck node. Its heartbeats have stopped, so its entries expire on their own;
            // the user reconnects elsewhere and gets the message from the store.
            return DispatchOutcome.NodeUnreachable;
        }
    }
}
