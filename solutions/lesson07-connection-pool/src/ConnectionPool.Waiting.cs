namespace NetCourse.Lesson07;

// Borrowers waiting for a slot when the pool is at its maximum.
public sealed partial class ConnectionPool<TConnection>
{
    // Under the lock: joins the end of the queue.
    private Waiter Enqueue()
    {
        var waiter = new Waiter(this);
        waiter.Node = _waiters.AddLast(waiter);
        return waiter;
    }

    // Under the lock: takes a waiter out of the queue to be served. A waiter out of the queue can
    // no longer be cancelled: whatever it is handed (a connection or a slot) it will use or give back.
    private Waiter Dequeue(LinkedListNode<Waiter> node)
    {
        _waiters.Remove(node);
        node.Value.Node = null;
        return node.Value;
    }

    private async Task<TConnection> WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        TConnection? handed;
        // Registered outside the lock: a token already cancelled runs the callback right here.
        using (cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Cancel(token), waiter))
        {
            handed = await waiter.Task.ConfigureAwait(false);
        }
        // Null means "a slot is yours": a connection was discarded or a dial failed, and the slot
        // passed to this waiter instead of back to the pool, so it cannot be taken by a newcomer.
        return handed ?? await DialAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A waiting borrower. Its result is the connection handed over, or null for "dial one".</summary>
    private sealed class Waiter(ConnectionPool<TConnection> pool)
        // Continuations run asynchronously: the pool completes waiters right after leaving its
        // lock, and must not run a borrower's code on its own stack.
        : TaskCompletionSource<TConnection?>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        /// <summary>The waiter's place in the queue; null once it has been served or removed.</summary>
        public LinkedListNode<Waiter>? Node { get; set; }

        public void Cancel(CancellationToken token)
        {
            lock (pool._gate)
            {
                // Already served: the borrower gets what it was handed, and must return it.
                if (Node is null) return;
                // Still queued: leave the queue, taking no slot with it.
                pool._waiters.Remove(Node);
                Node = null;
            }
            TrySetCanceled(token);
        }
    }
}
