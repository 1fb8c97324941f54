namespace Kaizen.Agents.Memory.Storage;

/// <summary>A write queued for the file's single writer: applied inside a transaction, completed after commit.</summary>
internal abstract class WriteOp
{
    protected WriteOp(bool groupable) => Groupable = groupable;

    /// <summary>May share a commit with other writes (group commit); otherwise committed alone.</summary>
    public bool Groupable { get; }

    /// <summary>Does the LiteDB work; must not touch in-memory state (the transaction may roll back).</summary>
    public abstract void Apply(WriteBatch batch);

    /// <summary>Updates in-memory state and completes the caller once the commit is durable.</summary>
    public abstract void Committed();

    public abstract void Fail(Exception exception);
}

/// <summary>A write whose caller awaits a result.</summary>
internal abstract class WriteOp<T>(bool groupable) : WriteOp(groupable)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Completion => _completion.Task;

    protected T Result { get; set; } = default!;

    public sealed override void Committed()
    {
        try
        {
            OnCommitted();
        }
        finally
        {
            _completion.TrySetResult(Result);
        }
    }

    public sealed override void Fail(Exception exception) => _completion.TrySetException(exception);

    protected abstract void OnCommitted();
}
