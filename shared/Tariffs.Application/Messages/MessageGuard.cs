using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Messages;

/// <summary>
/// Runs the handling of one queue message so that it ends somewhere with a reason. A message that cannot be handled
/// whatever the number of tries — not readable (<see cref="JsonException"/>, <see cref="FormatException"/>, an argument
/// missing or out of range, every one of several failures unprocessable) or refused by storage for good (<see cref="IStorageRefusals"/>) — is stored as a rejection with its reason
/// (partition = the queue, key = the message id) on its first delivery, and not retried. Any other failure is recorded
/// as the message's last error (keyed by a hash of its body, which the copy moved to <c>&lt;queue&gt;-poison</c> keeps)
/// and thrown, for the trigger to retry the message and, after its last delivery, move it to the poison queue, where
/// <see cref="PoisonRecorder"/> attaches that error to it.
/// </summary>
public sealed partial class MessageGuard(IRejections rejections, IStorageRefusals refusals, IOptions<QueueRetryOptions> options, ILogger<MessageGuard> logger)
{
    /// <summary>True when a delivery with this dequeue count is the message's last before the poison queue.</summary>
    public bool IsLastDelivery(long dequeueCount) => dequeueCount >= options.Value.MaxDequeueCount;

    /// <summary>Runs <paramref name="handle"/> for the message; see <see cref="MessageGuard"/>.</summary>
    public async Task RunAsync(string queue, string messageId, string body, Func<Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnprocessable(e) && !cancellationToken.IsCancellationRequested)
        {
            var reason = $"not processed: {Describe(e)}";
            await rejections.AddAsync([new Rejection(queue, messageId, queue, reason, body)], cancellationToken).ConfigureAwait(false);
            LogRejected(logger, queue, messageId, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                await rejections.SaveLastErrorAsync(queue, body, Describe(e), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception recording) when (refusals.Describe(recording) is not null)
            {
                LogNotRecorded(logger, recording, queue, messageId);
            }
            throw;
        }
    }

    /// <summary>
    /// True for a failure that trying again cannot mend: the message (or a value in it) cannot be read, or storage
    /// refuses what it would write for good.
    /// </summary>
    public bool IsUnprocessable(Exception exception) => exception switch
    {
        JsonException or FormatException or ArgumentException or DecoderFallbackException or OverflowException or InvalidDataException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsUnprocessable),
        _ => refusals.IsRefusal(exception),
    };

    /// <summary>The exception's type and message (and the storage error code), for a stored reason.</summary>
    public string Describe(Exception exception) => refusals.Describe(exception) is { } storage
        ? $"storage refused it: {storage}"
        : $"{exception.GetType().Name}: {exception.Message}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {Queue} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string queue, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The error of message {MessageId} of {Queue} could not be recorded")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string queue, string messageId);
}
