using System.Security.Cryptography;
using System.Text;

namespace NetCourse.Grading.Protocol;

/// <summary>
/// How the test host proves that an event line is its own: every line on the event channel is
/// <c>JSON \t MAC</c>, the MAC an HMAC-SHA256 over the line's sequence number and its JSON, keyed
/// with a secret the grader hands the host on standard input before any learner code is loaded.
/// Learner code in the same process never sees the key, so it cannot write a line the grader
/// accepts, nor replay or reorder the host's own lines (the sequence number is in the MAC).
/// </summary>
public sealed class EventSignature : IDisposable
{
    /// <summary>Key length in bytes; the key travels as hex on the host's first line of input.</summary>
    public const int KeyBytes = 32;
    private const int MacBytes = 16;
    private readonly HMACSHA256 _hmac;

    /// <summary>Takes the key and wipes the caller's copy: after this, only the HMAC holds it.</summary>
    public EventSignature(byte[] key)
    {
        if (key.Length != KeyBytes) throw new ArgumentException($"an event key has {KeyBytes} bytes", nameof(key));
        _hmac = new HMACSHA256(key);
        CryptographicOperations.ZeroMemory(key);
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public string Sign(long sequence, string json) => $"{json}\t{Mac(sequence, json)}";

    /// <summary>The JSON of a line signed for <paramref name="sequence"/>, or null when the line is not.</summary>
    public string? Verify(long sequence, string line)
    {
        var tab = line.LastIndexOf('\t');
        if (tab < 0) return null;
        var json = line[..tab];
        var expected = Encoding.ASCII.GetBytes(Mac(sequence, json));
        var actual = Encoding.ASCII.GetBytes(line[(tab + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? json : null;
    }

    private string Mac(long sequence, string json)
    {
        lock (_hmac)
        {
            var hash = _hmac.ComputeHash(Encoding.UTF8.GetBytes($"{sequence}\n{json}"));
            return Convert.ToHexString(hash, 0, MacBytes);
        }
    }

    public void Dispose() => _hmac.Dispose();
}
