namespace Tariffs.Application.Households;

/// <summary>One adjustment of a line, with the terms that produced it.</summary>
public sealed record ExplainedAdjustment(
    string RuleId,
    string ProgramId,
    string Step,
    int Correction,
    decimal Amount,
    string RuleVersions,
    string LegalReferences,
    string CoversFrom,
    string CoversTo,
    IReadOnlyList<ExplainedTerm> Explanation,
    string? Note);
