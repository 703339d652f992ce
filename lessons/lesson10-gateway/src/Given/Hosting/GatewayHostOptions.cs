namespace NetCourse.Lesson10;

/// <summary>How a gateway runs, apart from what it routes: its port, its clock, and the token key.</summary>
/// <param name="Port">The HTTP port on 127.0.0.1; 0 lets the system choose (read it back from <see cref="Gateway.Address"/>).</param>
/// <param name="Time">Every timer of the gateway (probes, breakers, buckets, timeouts) runs on it; the tests pass a manual clock.</param>
/// <param name="TokenKey">The key lesson09's auth service signs with; needed by routes with <c>auth</c>.</param>
public sealed record GatewayHostOptions(int Port = 0, TimeProvider? Time = null, byte[]? TokenKey = null)
{
    public TimeProvider TimeOrSystem => Time ?? TimeProvider.System;
}
