using System.Text;

namespace NetCourse.Lesson04;

/// <summary>
/// Decides whether a name from the network may become a file in the receiver's folder. The name
/// is untrusted input: it must name a file directly inside the folder, on every operating system
/// the course runs on.
/// </summary>
public static class FileNames
{
    // Windows device names, reserved with any extension ("nul.txt" is the device too).
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Why <paramref name="name"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) return "the name is empty";
        int bytes;
        try { bytes = Strict.GetByteCount(name); }
        catch (EncoderFallbackException) { return "the name is not valid Unicode"; }
        if (bytes > Wire.MaxNameBytes) return $"the name is longer than {Wire.MaxNameBytes} UTF-8 bytes";
        if (name is "." or "..") return "the name is a reference to a folder";

        foreach (var c in name)
        {
            // Either separator on every OS: a Windows receiver treats '\' as one, and a name must
            // never be a path. ':' is a drive ("C:x") or an NTFS stream ("a:b").
            if (c is '/' or '\\') return "the name contains a path separator";
            if (c == ':') return "the name contains ':' (a drive or stream name on Windows)";
            if (char.IsControl(c)) return "the name contains a control character";
            if (c is '<' or '>' or '"' or '|' or '?' or '*') return $"the name contains '{c}', which Windows forbids";
        }

        // Windows silently drops trailing dots and spaces, so "a.txt." would land on "a.txt".
        if (name[^1] is '.' or ' ') return "the name ends with a dot or a space";

        var stem = name.Split('.')[0].TrimEnd(' ');
        if (Reserved.Contains(stem)) return $"'{stem}' is a reserved device name on Windows";
        return null;
    }
}
