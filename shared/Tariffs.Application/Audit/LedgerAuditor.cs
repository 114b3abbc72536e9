using Tariffs.Application.Eligibility;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Audit;

/// <summary>
/// An independent audit of a ledger: every stored line is priced again by the engine from its billing line, its
/// catalog and its household's eligibility alone — the agency's flags and revocations and, for a catalog with
/// criteria, the eligibility its household's facts determine (<see cref="EffectiveEligibility"/>, as pricing reads it) —
/// and each rule's total compared with what the ledger holds (<see cref="LineRecomputation"/>, the same comparison a
/// late grant uses). The stored amounts are only read to be compared: a ledger whose every total the rules give again
/// audits clean. Lines are streamed one at a time, a household's eligibility read once for each run of its lines: the
/// audit holds one line and one household's eligibility, not the ledger.
/// </summary>
public static class LedgerAuditor
{
    /// <summary>
    /// Audits <paramref name="lines"/>, streamed; <paramref name="eligibility"/> gives a household's eligibility for a
    /// catalog as pricing reads it (<see cref="EffectiveEligibility.For"/>). Reports every finding to
    /// <paramref name="found"/> and returns the totals.
    /// </summary>
    public static async Task<AuditSummary> AuditAsync(
        IAsyncEnumerable<LedgerLine> lines,
        Func<CatalogKey, ServiceCatalog?> catalogs,
        Func<string, ServiceCatalog, HouseholdEligibility> eligibility,
        Action<AuditFinding> found,
        CancellationToken cancellationToken)
    {
        long count = 0, items = 0, differences = 0, withheld = 0, notAudited = 0;
        // A ledger stores a household's lines together: its eligibility is read once for its run of lines.
        string? household = null;
        var householdEligibility = new Dictionary<CatalogKey, HouseholdEligibility>();
        await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            items += line.Items.Count;
            if (line.HouseholdId != household)
            {
                household = line.HouseholdId;
                householdEligibility.Clear();
            }
            var key = new CatalogKey(line.Authority, line.Service);
            var catalog = catalogs(key);
            if (catalog is not null && !householdEligibility.ContainsKey(key))
                householdEligibility[key] = eligibility(line.HouseholdId, catalog);
            foreach (var finding in Audit(line, catalog, catalog is null ? HouseholdEligibility.None : householdEligibility[key]))
            {
                found(finding);
                _ = finding.Kind switch
                {
                    AuditFindingKind.Difference => differences++,
                    AuditFindingKind.Withheld => withheld++,
                    _ => notAudited++,
                };
            }
        }
        return new AuditSummary(count, items, differences, withheld, notAudited);
    }

    /// <summary>The findings on one line: none when the ledger holds what the rules give.</summary>
    public static IReadOnlyList<AuditFinding> Audit(LedgerLine line, ServiceCatalog? catalog, HouseholdEligibility eligibility)
    {
        if (catalog is null)
            return [Finding(line, AuditFindingKind.NotAudited, "", 0, 0, line.Currency.Code, $"the catalog {line.Authority}/{line.Service} is not in the export")];
        try
        {
            var (outcome, differences) = LineRecomputation.Compare(line, catalog, eligibility);
            var posted = line.Posted();
            return
            [
                .. differences.Corrections.Select(c => Finding(line, AuditFindingKind.Difference, c.Adjustment.RuleId, c.AlreadyPosted, c.Recomputed, outcome.Currency.Code,
                    $"the ledger holds {c.AlreadyPosted:0.00}, the rules give {c.Recomputed:0.00}")),
                .. differences.Withheld.Select(w =>
                {
                    var stored = posted.Where(p => p.RuleId == w.RuleId).Sum(p => p.Amount);
                    return Finding(line, AuditFindingKind.Withheld, w.RuleId, stored, stored + w.Amount, outcome.Currency.Code, w.Reason);
                }),
            ];
        }
        catch (PricingException e)
        {
            return [Finding(line, AuditFindingKind.NotAudited, "", 0, 0, line.Currency.Code, e.Message)];
        }
    }

    private static AuditFinding Finding(LedgerLine line, AuditFindingKind kind, string ruleId, decimal stored, decimal recomputed, string currency, string reason) =>
        new(kind, line.Authority, line.Service, line.BatchId, line.LineNumber, line.HouseholdId, ruleId, stored, recomputed, currency, reason);
}
