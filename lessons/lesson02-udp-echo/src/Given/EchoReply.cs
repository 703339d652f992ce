namespace NetCourse.Lesson02;

/// <summary>A successful echo: the payload that came back, the round-trip time of the attempt it answered, and how many attempts were sent.</summary>
public sealed record EchoReply(byte[] Payload, TimeSpan RoundTrip, int Attempts);
