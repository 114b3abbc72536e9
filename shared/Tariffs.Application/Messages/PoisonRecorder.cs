using Microsoft.Extensions.Logging;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Messages;

/// <summary>
/// Records what arrives on a <c>&lt;queue&gt;-poison</c> queue as a rejection (partition = the poison queue, key = the
/// message id): when it was first inserted, the last error its function recorded (<see cref="MessageGuard"/>; none when
/// the message never reached its function, e.g. a body that is not base64, which the queue extension moves to the poison
/// queue at once) and an excerpt of its body.
/// </summary>
public sealed partial class PoisonRecorder(IRejections rejections, ILogger<PoisonRecorder> logger)
{
    /// <summary>The poison queue of <paramref name="queue"/>.</summary>
    public static string PoisonQueue(string queue) => queue + QueueNames.PoisonSuffix;

    /// <summary>Stores the rejection of a message of <paramref name="queue"/> that arrived on its poison queue.</summary>
    public Task RecordAsync(string queue, string messageId, DateTimeOffset? insertedOn, string body, CancellationToken cancellationToken) =>
        RecordAsync(queue, messageId, insertedOn, body, null, cancellationToken);

    /// <summary>
    /// Stores the rejection of a message of <paramref name="queue"/> that arrived on its poison queue; <paramref name="undecodable"/>,
    /// when given, says why it never reached its function (it then replaces the last error). Returns the reason stored.
    /// </summary>
    public async Task<string> RecordAsync(string queue, string messageId, DateTimeOffset? insertedOn, string body, string? undecodable, CancellationToken cancellationToken)
    {
        var error = undecodable
            ?? await rejections.LastErrorAsync(queue, body, cancellationToken).ConfigureAwait(false)
            ?? "none recorded: the message never reached its function";
        var reason = $"moved to {PoisonQueue(queue)} (message inserted {insertedOn:O}); last error: {error}";
        await rejections.AddAsync([new Rejection(PoisonQueue(queue), messageId, queue, reason, body)], cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, queue, messageId, error);
        return reason;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} of {Queue} moved to its poison queue; last error: {Error}")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, string error);
}
