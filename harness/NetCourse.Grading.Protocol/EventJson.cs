using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetCourse.Grading.Protocol;

/// <summary>One JSON object per event. Strict on reading: a missing or null required field, an
/// unknown type or outcome, or an outcome given as a number is not an event.</summary>
internal static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter<TestOutcome>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static string Serialize(HostEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>The event, or null when <paramref name="json"/> is not one.</summary>
    public static HostEvent? TryParse(string json)
    {
        try { return JsonSerializer.Deserialize<HostEvent>(json, Options); }
        // NotSupportedException: no (or no known) "type", so no concrete event to make.
        catch (Exception e) when (e is JsonException or NotSupportedException) { return null; }
    }
}
