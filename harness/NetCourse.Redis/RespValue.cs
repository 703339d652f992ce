using System.Globalization;

namespace NetCourse.Redis;

/// <summary>One reply from the server. Read it with the accessor that matches the command's
/// documented reply; a mismatch is a <see cref="InvalidOperationException"/> naming both kinds.</summary>
public sealed class RespValue
{
    public static readonly RespValue Null = new(RespKind.Null, null, 0, null);

    private readonly string? _text;
    private readonly long _integer;
    private readonly IReadOnlyList<RespValue>? _items;

    private RespValue(RespKind kind, string? text, long integer, IReadOnlyList<RespValue>? items)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
        _items = items;
    }

    public RespKind Kind { get; }

    public bool IsNull => Kind == RespKind.Null;

    public static RespValue SimpleString(string text) => new(RespKind.SimpleString, text, 0, null);
    public static RespValue Error(string text) => new(RespKind.Error, text, 0, null);
    public static RespValue Integer(long value) => new(RespKind.Integer, null, value, null);
    public static RespValue BulkString(string text) => new(RespKind.BulkString, text, 0, null);
    public static RespValue Array(IReadOnlyList<RespValue> items) => new(RespKind.Array, null, 0, items);

    /// <summary>The text of a simple or bulk string (an integer as its digits); null for <see cref="RespKind.Null"/>.</summary>
    public string? AsString() => Kind switch
    {
        RespKind.SimpleString or RespKind.BulkString or RespKind.Error => _text,
        RespKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        RespKind.Null => null,
        _ => throw Mismatch("a string"),
    };

    /// <summary>An integer reply, or a string of digits (GET of a counter).</summary>
    public long AsInteger() => Kind switch
    {
        RespKind.Integer => _integer,
        RespKind.BulkString or RespKind.SimpleString when long.TryParse(_text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw Mismatch("an integer"),
    };

    /// <summary>The items of an array reply; empty for <see cref="RespKind.Null"/> (a missing list).</summary>
    public IReadOnlyList<RespValue> AsArray() => Kind switch
    {
        RespKind.Array => _items!,
        RespKind.Null => [],
        _ => throw Mismatch("an array"),
    };

    public override string ToString() => Kind switch
    {
        RespKind.Null => "(nil)",
        RespKind.Integer => $"(integer) {_integer}",
        RespKind.Error => $"(error) {_text}",
        RespKind.Array => $"[{string.Join(", ", _items!)}]",
        _ => $"\"{_text}\"",
    };

    private InvalidOperationException Mismatch(string wanted) =>
        new($"Expected {wanted} reply from Redis, got {Kind}: {this}.");
}
