namespace Tariffs.Application.Intake;

/// <summary>
/// What intake made of a batch: its id, lines and chunks, or why it was refused as a whole. <see cref="Duplicate"/>: the
/// same document was received under this id before, nothing was done again. <see cref="Conflict"/>: the id names a batch
/// with other content, this one was refused (<see cref="Refusal"/> says why).
/// </summary>
public sealed record IntakeResult(string? BatchId, int Lines, int Chunks, string? Refusal, bool Duplicate = false, bool Conflict = false)
{
    public bool Accepted => Refusal is null;

    /// <summary>The batch's operator when the poster may not act for it (nothing was stored or queued); null otherwise.</summary>
    public string? ForbiddenOperator { get; init; }
}
