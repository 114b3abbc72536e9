namespace Tariffs.Application.Ports;

/// <summary>
/// A publication stored in the ledger's outbox with the corrections it publishes and not yet confirmed sent:
/// <see cref="Id"/> names the outbox entry (opaque), <see cref="Payload"/> is the publication.
/// </summary>
public sealed record PendingPublication(string Id, string Payload);
