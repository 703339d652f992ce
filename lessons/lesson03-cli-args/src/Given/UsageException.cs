namespace NetCourse.Lesson03;

/// <summary>The command line is wrong; the message says how, in words for the person who typed it.</summary>
public sealed class UsageException(string message) : Exception(message);
