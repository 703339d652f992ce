namespace NetCourse.Lesson07;

/// <summary>A consistent snapshot of a pool's counters.</summary>
/// <param name="Dials">Dial attempts started (failed ones included).</param>
/// <param name="Reuses">Times an existing connection was lent again instead of dialing.</param>
/// <param name="Discards">Connections the pool closed because they were broken, closed by the server, or idle too long.</param>
/// <param name="Live">Slots in use: connections lent or idle, plus dials in progress. Never above the maximum.</param>
/// <param name="Idle">Connections waiting in the pool to be lent.</param>
/// <param name="Waiting">Borrowers waiting for a slot.</param>
public readonly record struct PoolStatistics(long Dials, long Reuses, long Discards, int Live, int Idle, int Waiting);
