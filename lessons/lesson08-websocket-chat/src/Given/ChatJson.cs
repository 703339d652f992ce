using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetCourse.Lesson08;

/// <summary>The chat's JSON, both ways (UTF-8 bytes, camelCase names, absent fields left out).</summary>
public static class ChatJson
{
    /// <summary>One event as the UTF-8 payload of a text message.</summary>
    public static byte[] Serialize(ChatEvent chatEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(chatEvent, ChatJsonContext.Default.ChatEvent);

    /// <summary>One post as the UTF-8 payload of a text message.</summary>
    public static byte[] Serialize(ChatPost post) =>
        JsonSerializer.SerializeToUtf8Bytes(post, ChatJsonContext.Default.ChatPost);

    /// <summary>An event the server sent. Throws <see cref="JsonException"/> when it is not one.</summary>
    public static ChatEvent ReadEvent(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ChatJsonContext.Default.ChatEvent) is { Type: not null } e
            ? e
            : throw new JsonException("Not a chat event: an object with a \"type\" was expected.");

    /// <summary>A client's post: a JSON object with a non-empty string <c>text</c>. False for
    /// anything else (not JSON, another shape, an empty text), never an exception.</summary>
    public static bool TryReadPost(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out ChatPost? post)
    {
        try
        {
            post = JsonSerializer.Deserialize(utf8, ChatJsonContext.Default.ChatPost);
        }
        catch (JsonException)
        {
            post = null;
        }
        if (post is { Text.Length: > 0 }) return true;
        post = null;
        return false;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ChatEvent))]
[JsonSerializable(typeof(ChatPost))]
internal sealed partial class ChatJsonContext : JsonSerializerContext;
