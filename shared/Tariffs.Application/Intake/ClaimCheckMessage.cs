namespace Tariffs.Application.Intake;

/// <summary>
/// A reference to a batch document stored in blob container <c>batches</c>, put on <c>billing-batches</c>
/// instead of a batch too large for a queue message: <c>{"claimCheck": {"blobName": "…"}}</c>.
/// </summary>
public sealed record ClaimCheckMessage(ClaimCheck ClaimCheck);
