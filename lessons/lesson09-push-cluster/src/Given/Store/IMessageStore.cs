namespace NetCourse.Lesson09;

/// <summary>
/// Where messages wait until their user acknowledges them: collect adds each message before
/// anything else happens to it, and it leaves only when a node receives the client's ack. A
/// message in the store survives nodes dying and users going offline.
/// </summary>
public interface IMessageStore
{
    /// <summary>Stores a message for <paramref name="userId"/> under a new, increasing id, and
    /// returns it. When the task completes the message is stored.</summary>
    Task<PushMessage> AddAsync(string userId, string body, CancellationToken cancellationToken = default);

    /// <summary>The messages stored for <paramref name="userId"/>, oldest (smallest id) first.</summary>
    Task<IReadOnlyList<PushMessage>> PendingAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Removes message <paramref name="messageId"/> of <paramref name="userId"/>; true if
    /// it was there. Another user's message of that id is left alone.</summary>
    Task<bool> RemoveAsync(string userId, long messageId, CancellationToken cancellationToken = default);
}
