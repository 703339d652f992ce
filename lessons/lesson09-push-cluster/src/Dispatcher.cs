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

    public Task<DispatchOutcome> DispatchAsync(PushMessage message, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 4: look the user up in the registry and ask that node to deliver; offline, not there and unreachable are outcomes, not exceptions.");
}
