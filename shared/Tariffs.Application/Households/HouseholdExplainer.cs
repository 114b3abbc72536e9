using System.Text.Json;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Ledger;

namespace Tariffs.Application.Households;

/// <summary>Assembles a household's explanation from its lines in the ledger (authorised callers only).</summary>
public sealed class HouseholdExplainer(LedgerStore ledger, EligibilityStore eligibility, CatalogRepository catalogs)
{
    /// <summary>The explanation; a household with no billed line has an empty list.</summary>
    public async Task<HouseholdExplanation> ExplainAsync(string householdId, CancellationToken cancellationToken)
    {
        var lines = new List<ExplainedLine>();
        await foreach (var entry in ledger.ReadHouseholdAsync(householdId, cancellationToken).ConfigureAwait(false))
            lines.Add(Explain(entry));
        return new HouseholdExplanation(householdId, lines);
    }

    /// <summary>The agencies that decided on the household: source agencies of its flags and revocations, for every published program.</summary>
    public async Task<IReadOnlySet<string>> DecidingAgenciesAsync(string householdId, CancellationToken cancellationToken)
    {
        var programs = (await catalogs.AllAsync(cancellationToken).ConfigureAwait(false)).SelectMany(c => c.Programs).Select(p => p.Id);
        return await eligibility.SourceAgenciesAsync(programs, householdId, cancellationToken).ConfigureAwait(false);
    }

    private static ExplainedLine Explain(LedgerEntry entry)
    {
        var line = entry.Line;
        var currency = Currency.TryFind(line.Currency, out var c) ? c : Currency.Eur;
        var social = entry.Adjustments.Where(a => Enum.TryParse<RuleStep>(a.Step, out var s) && s < RuleStep.Payment).Sum(a => a.AmountMinor);
        return new ExplainedLine(
            entry.BatchId, line.LineNumber, line.Operator, line.Authority, line.Service, line.Area,
            line.PeriodFrom, line.PeriodTo, line.Quantity, line.Unit, line.TariffCode, line.Currency,
            currency.FromMinorUnits(line.BilledMinor), currency.FromMinorUnits(line.StandardBillMinor),
            currency.FromMinorUnits(line.StandardBillMinor + social), currency.FromMinorUnits(line.OverchargeMinor), line.Notes,
            entry.Adjustments.Select(a => new ExplainedAdjustment(
                a.RuleId, a.ProgramId, a.Step, a.Correction, currency.FromMinorUnits(a.AmountMinor), a.RuleVersions, a.LegalReferences,
                a.CoversFrom, a.CoversTo, Parse(a.Explanation), a.Note.Length == 0 ? null : a.Note)).ToList());
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json.Length == 0 ? "[]" : json).RootElement.Clone();
}
