namespace Tariffs.Domain.Corrections;

/// <summary>The corrections to post for a line, and the differences withheld for lack of claw-back.</summary>
public sealed record CorrectionResult(IReadOnlyList<Correction> Corrections, IReadOnlyList<WithheldCorrection> Withheld);
