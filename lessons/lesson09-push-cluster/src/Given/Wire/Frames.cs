using System.Text.Json.Serialization;

namespace NetCourse.Lesson09;

// The WebSocket protocol between a push node and its clients: one JSON object per text message,
// its kind in "type" (README, "The wire protocol").

/// <summary>What a node sends to a client.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WelcomeFrame), "welcome")]
[JsonDerivedType(typeof(MessageFrame), "message")]
public abstract record ServerFrame;

/// <summary>The first frame of a connection, sent once the user is registered to
/// <paramref name="Node"/>: the user's pending messages follow it.</summary>
public sealed record WelcomeFrame(string User, string Node) : ServerFrame;

/// <summary>A message for the connected user. The client answers with <see cref="AckFrame"/> once
/// it has it; until then the message stays in the store and may come again.</summary>
public sealed record MessageFrame(long Id, string Body) : ServerFrame
{
    public static MessageFrame From(PushMessage message) => new(message.Id, message.Body);
}

/// <summary>What a client sends to its node.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AckFrame), "ack")]
public abstract record ClientFrame;

/// <summary>"I have message <paramref name="Id"/>": the node may now remove it from the store.</summary>
public sealed record AckFrame(long Id) : ClientFrame;
