using System.Globalization;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// What a stored line is owed after eligibility changed: the line priced again with the eligibility stored now, as
/// it counts for the line (<see cref="EligibilityAsOf"/> at its first pricing), against what the ledger holds for it.
/// The differences are the domain's <see cref="AdjustmentCorrections"/>: a change against the household is posted
/// only if its program claws back (the others are logged as withheld).
/// </summary>
public sealed partial class LineCorrector(ILogger<LineCorrector> logger)
{
    /// <summary>
    /// The corrections a stored line is owed now (none when it is right): the domain's, one per rule whose total
    /// changed, holding the difference, numbered after the rule's stored items (the original is 0, corrections count
    /// from 1), with a note of what they correct.
    /// </summary>
    public IReadOnlyList<LedgerCorrection> Corrections(LedgerEntry entry, ServiceCatalog catalog, HouseholdEligibility eligibility, string cause)
    {
        var windows = EligibilityAsOf.Windows(eligibility, catalog, Instant.FromDateTimeOffset(entry.Line.PricedAt));
        var outcome = TariffEngine.Price(ToBillingLine(entry.Line), catalog, windows);
        var stored = entry.Adjustments;
        // Overcharge refunds come from the uniform tariff, not from eligibility: they are never recomputed here.
        stored = stored.Where(a => a.Step != nameof(RuleStep.Refund)).ToList();
        var posted = stored.Select(a => new PostedAdjustment(a.RuleId, a.ProgramId, Enum.Parse<RuleStep>(a.Step), outcome.Currency.FromMinorUnits(a.AmountMinor), a.RuleVersions, a.LegalReferences)).ToList();
        var result = AdjustmentCorrections.Compute(posted, outcome, catalog);
        foreach (var withheld in result.Withheld)
            LogWithheld(logger, outcome.Line.HouseholdId, withheld.RuleId, withheld.Reason);
        return result.Corrections.Select(c => new LedgerCorrection(
            c.Adjustment,
            stored.Where(a => a.RuleId == c.Adjustment.RuleId).Select(a => a.Correction + 1).DefaultIfEmpty(1).Max(),
            string.Create(CultureInfo.InvariantCulture, $"{cause}: stored total {c.AlreadyPosted:0.00} {outcome.Currency}, recomputed {c.Recomputed:0.00} {outcome.Currency}")))
            .ToList();
    }

    /// <summary>The billing line as it was priced, from its ledger row.</summary>
    private static BillingLine ToBillingLine(LineEntity line) => new(
        line.LineNumber,
        line.HouseholdId,
        line.AccountId,
        line.Area,
        line.MainResidence,
        line.Persons,
        new DateInterval(StoredDate.Parse(line.PeriodFrom), StoredDate.Parse(line.PeriodTo)),
        decimal.Parse(line.Quantity, CultureInfo.InvariantCulture),
        line.Unit,
        line.TariffCode,
        Domain.Money.Currency.TryFind(line.Currency, out var currency) ? currency.FromMinorUnits(line.BilledMinor) : 0m);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Household {HouseholdId}: correction of rule {RuleId} withheld: {Reason}")]
    private static partial void LogWithheld(ILogger logger, string householdId, string ruleId, string reason);
}
