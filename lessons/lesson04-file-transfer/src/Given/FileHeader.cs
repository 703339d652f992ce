namespace NetCourse.Lesson04;

/// <summary>What the sender announces before any content: the file's name (no folders) and length.</summary>
public sealed record FileHeader(string Name, long Length);
