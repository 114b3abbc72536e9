namespace Tariffs.Application.Audit;

/// <summary>
/// What the audit found on one rule of one stored line: the total the ledger holds for the rule and the total the
/// rules give when the line is priced again from its catalog and eligibility. A <see cref="AuditFindingKind.Difference"/>
/// is a discrepancy; a <see cref="AuditFindingKind.Withheld"/> difference is one the service keeps on purpose (a
/// program without claw-back never takes back what was given); <see cref="AuditFindingKind.NotAudited"/> says why a
/// line could not be priced again (amounts then 0).
/// </summary>
public sealed record AuditFinding(
    AuditFindingKind Kind,
    string Authority,
    string Service,
    string BatchId,
    int LineNumber,
    string HouseholdId,
    string RuleId,
    decimal Stored,
    decimal Recomputed,
    string Currency,
    string Reason);
