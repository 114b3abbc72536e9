using Azure.Storage.Queues;

namespace Tariffs.Storage.Queues;

/// <summary>
/// The queue service without message encoding, for reading messages as they are stored: those that are not Base64,
/// which a Base64 client cannot decode.
/// </summary>
/// <param name="Client">A client whose <see cref="QueueClientOptions.MessageEncoding"/> is <see cref="QueueMessageEncoding.None"/>.</param>
public sealed record RawQueueService(QueueServiceClient Client);
