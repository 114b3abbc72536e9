namespace Tariffs.Application.Households;

/// <summary>
/// One billed line of the household, as priced, with the operator that billed it, and the differences the rules give
/// now that are withheld on purpose (<see cref="Withheld"/>: a program without claw-back never takes back what it gave),
/// so that a person can see why the line's sum differs from what the rules give today.
/// </summary>
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
    IReadOnlyList<ExplainedAdjustment> Adjustments,
    IReadOnlyList<ExplainedWithholding> Withheld);
