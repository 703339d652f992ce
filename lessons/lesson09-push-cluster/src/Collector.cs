namespace NetCourse.Lesson09;

/// <summary>
/// The collect service's work: take a business message for a user, make it durable, and only then
/// let anything else happen to it. Once <see cref="CollectAsync"/> returns, the message will reach
/// its user — now if dispatch finds them online, at their next connection otherwise.
/// </summary>
public sealed class Collector
{
    private readonly IMessageStore _store;
    private readonly IDispatcher _dispatch;

    public Collector(IMessageStore store, IDispatcher dispatch)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(dispatch);
        _store = store;
        _dispatch = dispatch;
    }

    /// <summary>Stores the message, hands it to dispatch, and returns it with its id.</summary>
    public Task<PushMessage> CollectAsync(string userId, string body, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 3: store the message first, then hand it to dispatch; a dispatch that fails must not fail the collect.");
}
