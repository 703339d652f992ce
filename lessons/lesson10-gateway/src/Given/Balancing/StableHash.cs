using System.Text;

namespace NetCourse.Lesson10;

/// <summary>
/// A hash that is the same in every process and on every machine (string.GetHashCode is
/// randomised per process, so a ring built on it would move every key at each restart).
/// </summary>
public static class StableHash
{
    /// <summary>32 well-mixed bits of <paramref name="text"/>'s UTF-8: FNV-1a 64, then the
    /// MurmurHash3 finaliser, so that "a#1" and "a#2" land far apart on a ring.</summary>
    public static uint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (uint)(hash ^ (hash >> 32));
    }
}
