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
    public async Task<PushMessage> CollectAsync(string userId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(body);

        // Store first. Forwarding first and storing after would lose every message caught between
        // the two by a crash, after the producer was told "accepted".
        var message = await _store.AddAsync(userId, body, cancellationToken).ConfigureAwait(false);
        try
        {
            await _dispatch.DispatchAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // Dispatch is down: not the producer's problem. The message is stored, and goes out
            // when its user next connects.
        }
        return message;
    }
}
