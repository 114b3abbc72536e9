namespace Tariffs.Application.Intake;

/// <summary>
/// A batch document read to its end: its scan and the SHA-256 of its bytes (64 lower-case hex digits), or, when it is
/// not a readable billing batch, why (<see cref="Unreadable"/>; the other two null).
/// </summary>
public sealed record DocumentRead(BatchScan? Scan, string? ContentHash, string? Unreadable);
