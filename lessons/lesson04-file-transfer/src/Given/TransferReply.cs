namespace NetCourse.Lesson04;

/// <summary>A reply frame: the receiver's status and a sentence for a human.</summary>
public sealed record TransferReply(TransferStatus Status, string Message)
{
    public bool IsOk => Status == TransferStatus.Ok;
}
