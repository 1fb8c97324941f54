namespace Kaizen.Agents.Tools.Approval;

/// <summary>Asks a person on a text console: "Allow write_file {…}? [y/N]". Anything but y/yes denies.</summary>
public sealed class ConsoleApprovalHandler : IApprovalHandler
{
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Uses <see cref="Console.In"/> and <see cref="Console.Out"/>.</summary>
    public ConsoleApprovalHandler() : this(Console.In, Console.Out) { }

    /// <summary>Uses the given reader and writer.</summary>
    public ConsoleApprovalHandler(TextReader input, TextWriter output)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(
                $"Agent '{request.AgentId}' wants to call {request.ToolName} ({request.Level}) with {request.ArgumentsJson}. Allow? [y/N] ")
                .ConfigureAwait(false);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = (await _input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
            var approved = string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase)
                           || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
            return approved
                ? new ApprovalResponse(ApprovalVerdict.Approved, "console")
                : new ApprovalResponse(ApprovalVerdict.Denied, "console", answer is null ? "no answer (end of input)" : "denied at the console");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
