using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Json;
using Tariffs.Application.Output;
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
/// Recomputes every billed line of a household after its eligibility changed, and appends a correction per
/// rule whose total changed, holding only the difference (never an edit). Each line is priced with the
/// eligibility that counts for it (<see cref="EligibilityAsOf"/>), so the final sum of a line does not depend
/// on whether a grant arrived before or after it was billed; the differences are the domain's
/// <see cref="AdjustmentCorrections"/> (a change against the household is posted only if its program claws back). Corrections of one line are written in one
/// transaction; if another recomputation wrote first, the line is read again and recomputed.
/// </summary>
public sealed partial class HouseholdRecomputer(
    LedgerStore ledger,
    EligibilityStore eligibility,
    CatalogRepository catalogs,
    PublicationOutbox outbox,
    ILogger<HouseholdRecomputer> logger)
{
    private const int MaxAttemptsPerLine = 10;

    /// <summary>
    /// Recomputes the household's lines stored in the ledger; returns the number of corrections written. Lines being
    /// priced right now are not there yet: their chunk checks the eligibility again once they are stored, and queues
    /// a recomputation when it grew meanwhile.
    /// </summary>
    public async Task<int> RecomputeAsync(RecomputeMessage message, CancellationToken cancellationToken)
    {
        var written = 0;
        var priced = new Dictionary<CatalogKey, (ServiceCatalog Catalog, HouseholdEligibility Eligibility)>();
        await foreach (var entry in ledger.ReadHouseholdAsync(message.HouseholdId, cancellationToken).ConfigureAwait(false))
        {
            var line = entry.Line;
            var key = new CatalogKey(line.Authority, line.Service);
            if (!priced.TryGetValue(key, out var with))
            {
                var catalog = await catalogs.FindAsync(line.Authority, line.Service, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The catalog {key} of a priced line is no longer published.");
                priced[key] = with = (catalog, await eligibility.ForHouseholdAsync(catalog.Programs.Select(p => p.Id), line.HouseholdId, cancellationToken).ConfigureAwait(false));
            }
            written += await RecomputeLineAsync(entry, with.Catalog, with.Eligibility, message.Cause, cancellationToken).ConfigureAwait(false);
        }
        LogRecomputed(logger, message.HouseholdId, message.Cause, written);
        return written;
    }

    private async Task<int> RecomputeLineAsync(LedgerEntry entry, ServiceCatalog catalog, HouseholdEligibility stored, string cause, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttemptsPerLine; attempt++)
        {
            var line = entry.Line;
            var windows = EligibilityAsOf.Windows(stored, catalog, Instant.FromDateTimeOffset(line.PricedAt));
            var outcome = TariffEngine.Price(ToBillingLine(line), catalog, windows);
            var corrections = Corrections(outcome, entry.Adjustments, catalog, cause);
            if (corrections.Count == 0)
                return 0;
            var publication = new Publication(line.Operator, line.Authority, line.Service, line.BatchId,
                $"{line.BatchId}|{RowKeys.Line(line.LineNumber)}|{cause}|{string.Join(',', corrections.Select(c => $"{c.Adjustment.RuleId}#{c.Number}"))}",
                Publications.Corrections(line, corrections));
            if (await ledger.TryAppendCorrectionsAsync(line, corrections, PublicationOutbox.Payload(publication), cancellationToken).ConfigureAwait(false) is { } pending)
            {
                await outbox.SendAsync(pending, cancellationToken).ConfigureAwait(false);
                return corrections.Count;
            }
            // Another recomputation appended corrections first: start again from what is stored now.
            entry = await ledger.ReadLineAsync(line, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Line {line.LineNumber} of batch {line.BatchId} disappeared from the ledger.");
        }
        throw new InvalidOperationException($"Line {entry.Line.LineNumber} of batch {entry.BatchId} kept changing during {MaxAttemptsPerLine} recomputations.");
    }

    /// <summary>
    /// The corrections of the domain (one per rule whose total changed, holding the difference), numbered after
    /// the rule's stored items (the original is 0, corrections count from 1), with a note of what they correct.
    /// </summary>
    private IReadOnlyList<LedgerCorrection> Corrections(LineOutcome outcome, IReadOnlyList<AdjustmentEntity> stored, ServiceCatalog catalog, string cause)
    {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Household {HouseholdId} recomputed after {Cause}: {Corrections} corrections written")]
    private static partial void LogRecomputed(ILogger logger, string householdId, string cause, int corrections);
}
