namespace Tariffs.Application.Households;

/// <summary>
/// Why a household got each adjustment: every billed line with its standard bill, social bill and notes, and
/// every adjustment — originals and corrections — with its rule, versions, legal references, the days it covers
/// and the explanation terms a person can recompute by hand. Amounts in the currency's major unit.
/// </summary>
public sealed record HouseholdExplanation(string HouseholdId, IReadOnlyList<ExplainedLine> Lines);

/// <summary>One billed line of the household, as priced, with the operator that billed it.</summary>
public sealed record ExplainedLine(
    string BatchId,
    int LineNumber,
    string Operator,
    string Authority,
    string Service,
    string Area,
    string PeriodFrom,
    string PeriodTo,
    string Quantity,
    string Unit,
    string TariffCode,
    string Currency,
    decimal Billed,
    decimal StandardBill,
    decimal SocialBill,
    decimal Overcharge,
    string Notes,
    IReadOnlyList<ExplainedAdjustment> Adjustments);

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
