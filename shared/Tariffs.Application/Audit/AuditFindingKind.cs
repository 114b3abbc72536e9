namespace Tariffs.Application.Audit;

/// <summary>The kinds of <see cref="AuditFinding"/>.</summary>
public enum AuditFindingKind
{
    /// <summary>The ledger holds another total than the rules give: a discrepancy to explain.</summary>
    Difference,

    /// <summary>A difference the service withheld on purpose: a revocation under a program without claw-back.</summary>
    Withheld,

    /// <summary>The line could not be priced again (its catalog is missing, or the engine refused it).</summary>
    NotAudited,
}
