namespace Tariffs.Application.Intake;

/// <summary>The blob holding the batch document.</summary>
public sealed record ClaimCheck(string BlobName);
