using System.Runtime.InteropServices;

namespace NetCourse.Grader.Trust;

public enum FileKind { Missing, Regular, Directory, SymbolicLink, Other }

/// <summary>
/// What a path is, from <c>lstat(2)</c>: never following a link and never opening the file (a FIFO
/// would block the grader, a device would stream for ever). .NET's own file attributes tell links
/// and directories apart but not a device or a pipe from a regular file.
/// </summary>
public static class FileKinds
{
    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return Portable(path);
        var buffer = new byte[256];
        if (LStat(path, buffer) != 0) return FileKind.Missing;
        // struct stat's st_mode sits after st_dev, st_ino and (on x64) st_nlink.
        var offset = RuntimeInformation.ProcessArchitecture is Architecture.X64 ? 24 : 16;
        var mode = BitConverter.ToUInt32(buffer, offset) & 0xF000; // S_IFMT
        return mode switch
        {
            0x8000 => FileKind.Regular,      // S_IFREG
            0x4000 => FileKind.Directory,    // S_IFDIR
            0xA000 => FileKind.SymbolicLink, // S_IFLNK
            _ => FileKind.Other,
        };
    }

    private static FileKind Portable(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path)) return info.LinkTarget is null ? FileKind.Missing : FileKind.SymbolicLink;
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        return info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Other : FileKind.Regular;
    }

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
