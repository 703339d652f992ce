namespace NetCourse.Lesson09;

/// <summary>
/// A business message for one user, as the store keeps it. The store assigns <paramref name="Id"/>
/// when collect stores the message: ids increase, and a client that sees an id twice drops the
/// second copy.
/// </summary>
public sealed record PushMessage(long Id, string UserId, string Body);
