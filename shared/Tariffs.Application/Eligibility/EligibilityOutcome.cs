namespace Tariffs.Application.Eligibility;

/// <summary>
/// What became of a flag or revocation: stored (<see cref="Refusal"/> null; also when the same document was stored
/// before), or refused with the reason — <see cref="Conflict"/> when its id holds a document with other content.
/// </summary>
public sealed record EligibilityOutcome(string? Refusal, bool Conflict = false);
