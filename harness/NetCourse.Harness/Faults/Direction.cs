namespace NetCourse.Harness.Faults;

/// <summary>Which way bytes or datagrams travel through a proxy. Faults apply to one direction
/// unless a test asks for both.</summary>
public enum Direction
{
    ClientToServer,
    ServerToClient,
}

public static class DirectionExtensions
{
    /// <summary>The short form used in event logs: <c>client→server</c>, <c>server→client</c>.</summary>
    public static string Arrow(this Direction direction) => direction switch
    {
        Direction.ClientToServer => "client→server",
        Direction.ServerToClient => "server→client",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };
}
