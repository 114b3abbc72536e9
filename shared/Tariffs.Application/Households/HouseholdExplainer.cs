using System.Globalization;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Households;

/// <summary>
/// Assembles a household's explanation from its lines in the ledger (authorised callers only), each line with the
/// differences withheld on it: the line priced again with its catalog and the household's eligibility
/// (<see cref="LineRecomputation"/>), the differences a program without claw-back does not post.
/// </summary>
public sealed class HouseholdExplainer(ILedger ledger, EffectiveEligibility effective, IEligibility eligibility, IHouseholdFacts facts, CatalogRepository catalogs)
{
    /// <summary>The explanation; a household with no billed line has an empty list.</summary>
    public async Task<HouseholdExplanation> ExplainAsync(string householdId, CancellationToken cancellationToken)
    {
        var lines = new List<ExplainedLine>();
        var pricing = new Dictionary<CatalogKey, (ServiceCatalog? Catalog, HouseholdEligibility Eligibility)>();
        await foreach (var line in ledger.ReadHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false))
        {
            var key = new CatalogKey(line.Authority, line.Service);
            if (!pricing.TryGetValue(key, out var with))
            {
                var catalog = await catalogs.FindAsync(line.Authority, line.Service, cancellationToken).ConfigureAwait(false);
                pricing[key] = with = (catalog, catalog is null
                    ? HouseholdEligibility.None
                    : await effective.ForHouseholdAsync(catalog, householdId, cancellationToken).ConfigureAwait(false));
            }
            lines.Add(Explain(line, Withheld(line, with.Catalog, with.Eligibility)));
        }
        return new HouseholdExplanation(householdId, lines);
    }

    /// <summary>The agencies that decided on the household: source agencies of its flags and revocations, for every published program, and of its facts statements.</summary>
    public async Task<IReadOnlySet<string>> DecidingAgenciesAsync(string householdId, CancellationToken cancellationToken)
    {
        var programs = (await catalogs.AllAsync(cancellationToken).ConfigureAwait(false)).SelectMany(c => c.Programs).Select(p => p.Id);
        var agencies = new HashSet<string>(await eligibility.SourceAgenciesAsync(programs, householdId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        agencies.UnionWith((await facts.ForHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false)).Select(s => s.SourceAgency));
        return agencies;
    }

    /// <summary>The differences withheld on a line; none when its catalog is gone or the engine refuses it now (nothing then to compare with).</summary>
    private static IReadOnlyList<ExplainedWithholding> Withheld(LedgerLine line, ServiceCatalog? catalog, HouseholdEligibility eligibility)
    {
        if (catalog is null)
            return [];
        try
        {
            return [.. LineRecomputation.Compare(line, catalog, eligibility).Differences.Withheld.Select(w => new ExplainedWithholding(w.RuleId, w.ProgramId, w.Amount, w.Reason))];
        }
        catch (PricingException)
        {
            return [];
        }
    }

    private static ExplainedLine Explain(LedgerLine line, IReadOnlyList<ExplainedWithholding> withheld)
    {
        var currency = line.Currency;
        return new ExplainedLine(
            line.BatchId, line.LineNumber, line.Operator, line.Authority, line.Service, line.Area,
            Date(line.Period.Start), Date(line.Period.End), line.Quantity.ToString(CultureInfo.InvariantCulture), line.Unit, line.TariffCode, currency.Code,
            currency.FromMinorUnits(line.BilledMinor), currency.FromMinorUnits(line.StandardBillMinor),
            currency.FromMinorUnits(line.SocialBillMinor), currency.FromMinorUnits(line.OverchargeMinor), line.Notes,
            [.. line.Items.Select(i => new ExplainedAdjustment(
                i.RuleId, i.ProgramId, i.Step.ToString(), i.Sequence, currency.FromMinorUnits(i.AmountMinor), i.RuleVersions, i.LegalReferences,
                Date(i.Covers.Start), Date(i.Covers.End),
                [.. i.Terms.Select(t => new ExplainedTerm(Date(t.Interval.Start), Date(t.Interval.End), t.RuleVersion, t.Legal.Citation, t.Detail, t.Amount))],
                i.Note))],
            withheld);
    }

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
