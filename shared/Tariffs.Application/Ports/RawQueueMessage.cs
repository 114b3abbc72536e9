namespace Tariffs.Application.Ports;

/// <summary>
/// A message as it is stored on a queue (its body not decoded), received for a while: <see cref="Receipt"/> is what
/// deleting it takes (opaque).
/// </summary>
public sealed record RawQueueMessage(string Id, string Receipt, DateTimeOffset? InsertedOn, string Body);
