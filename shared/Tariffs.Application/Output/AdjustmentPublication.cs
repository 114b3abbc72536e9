namespace Tariffs.Application.Output;

/// <summary>
/// Adjustments published for an operator, on queue <c>adjustments-out</c> and to its webhook: at least once,
/// so <see cref="DeliveryId"/> (deterministic: the same adjustments always get the same id) lets the operator
/// drop a duplicate, and every adjustment has its own deterministic <see cref="PublishedAdjustment.Key"/>.
/// </summary>
public sealed record AdjustmentPublication(
    string DeliveryId,
    string Operator,
    string Authority,
    string Service,
    string BatchId,
    IReadOnlyList<PublishedAdjustment> Adjustments);

/// <summary>
/// One adjustment as the operator receives it: amount in the currency's major unit (negative lowers the
/// bill; step <c>payment</c> is paid apart from the bill), the rule, its versions and legal references, the
/// days covered, and for a correction its number and what it corrects.
/// </summary>
public sealed record PublishedAdjustment(
    string Key,
    int LineNumber,
    string HouseholdId,
    string AccountId,
    string RuleId,
    string ProgramId,
    string Step,
    int Correction,
    decimal Amount,
    string Currency,
    string RuleVersions,
    string LegalReferences,
    string CoversFrom,
    string CoversTo,
    string? Note);
