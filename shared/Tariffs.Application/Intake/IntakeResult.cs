namespace Tariffs.Application.Intake;

/// <summary>What intake made of a batch: its id, lines and chunks, or why it was refused as a whole.</summary>
public sealed record IntakeResult(string? BatchId, int Lines, int Chunks, string? Refusal)
{
    public bool Accepted => Refusal is null;

    /// <summary>The batch's operator when the poster may not act for it (nothing was stored or queued); null otherwise.</summary>
    public string? ForbiddenOperator { get; init; }
}
