using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaizen.Agents.Llm;

/// <summary>How <see cref="RetryingChatClient"/> retries.</summary>
/// <param name="MaxAttempts">Attempts in total (1 = no retry).</param>
/// <param name="BaseDelay">Delay before the first retry; doubles each time.</param>
/// <param name="MaxDelay">Upper bound of one delay.</param>
public sealed record RetryOptions(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>3 attempts, 200 ms then 400 ms, never more than 2 s.</summary>
    public static RetryOptions Default { get; } = new(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
}

/// <summary>
/// Middleware retrying transient provider failures (connection refused or reset, HTTP 5xx/408/429, timeouts) with
/// bounded exponential backoff. A streaming call is retried only until its first update has been passed on.
/// </summary>
public sealed class RetryingChatClient(IChatClient inner, RetryOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    : DelegatingChatClient(inner)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options1 = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.GetResponseAsync(list, options1, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < options.MaxAttempts && IsTransient(ex, cancellationToken))
            {
                await WaitAsync(attempt, ex, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options1 = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            var enumerator = base.GetStreamingResponseAsync(list, options1, cancellationToken).GetAsyncEnumerator(cancellationToken);
            ChatResponseUpdate? first = null;
            Exception? failure = null;
            try
            {
                if (await enumerator.MoveNextAsync().ConfigureAwait(false)) first = enumerator.Current;
            }
            catch (Exception ex) when (attempt < options.MaxAttempts && IsTransient(ex, cancellationToken))
            {
                failure = ex;
            }
            if (failure is not null)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
                await WaitAsync(attempt, failure, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await using (enumerator.ConfigureAwait(false))
            {
                if (first is null) yield break;
                yield return first;
                while (await enumerator.MoveNextAsync().ConfigureAwait(false)) yield return enumerator.Current;
            }
            yield break;
        }
    }

    /// <summary>True when retrying <paramref name="error"/> may help and the caller has not cancelled.</summary>
    public static bool IsTransient(Exception error, CancellationToken cancellationToken) => !cancellationToken.IsCancellationRequested && error switch
    {
        LlmProviderException provider => provider.IsTransient,
        HttpRequestException http => http.StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)http.StatusCode >= 500,
        IOException or TimeoutException => true,
        TaskCanceledException => true, // HttpClient's own timeout; the caller's cancellation is excluded above
        _ => false,
    };

    private async Task WaitAsync(int attempt, Exception error, CancellationToken cancellationToken)
    {
        var delay = options.DelayAfter(attempt);
        _logger.LogWarning("Model call failed (attempt {Attempt} of {Max}): {Error}. Retrying in {Delay} ms.", attempt, options.MaxAttempts, error.Message, delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }
}
