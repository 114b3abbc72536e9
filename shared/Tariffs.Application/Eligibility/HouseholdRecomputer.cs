using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
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
using Tariffs.Storage.Households;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Queues;
using Tariffs.Storage.Rejections;
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
    HouseholdIndex households,
    LedgerStore ledger,
    EligibilityStore eligibility,
    CatalogRepository catalogs,
    RejectionStore rejections,
    AdjustmentPublisher publisher,
    QueueServiceClient queues,
    ILogger<HouseholdRecomputer> logger)
{
    private const int MaxAttemptsPerLine = 10;

    /// <summary>How long a recomputation waits before looking again for lines indexed but not priced yet.</summary>
    public static readonly TimeSpan WaitForPricing = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many times it waits: 80 × 15 s covers a chunk held by a crashed host until its queue lease (10
    /// minutes) expires and the chunk is delivered again.
    /// </summary>
    public const int MaxWaits = 80;

    /// <summary>
    /// Recomputes the household's lines; returns the number of corrections written. Lines indexed but not priced
    /// yet (their chunk is being processed, or was held by a host that crashed) are looked at again later: the
    /// message is put back with a delay, up to <see cref="MaxWaits"/> times, then the recomputation fails (and
    /// ends in the poison queue, for a person to look at).
    /// </summary>
    public async Task<int> RecomputeAsync(RecomputeMessage message, CancellationToken cancellationToken)
    {
        var written = 0;
        var waiting = 0;
        var catalogCache = new Dictionary<CatalogKey, ServiceCatalog>();
        await foreach (var indexed in households.LinesOfAsync(message.HouseholdId, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                written += await RecomputeLineAsync(indexed, message.Cause, catalogCache, cancellationToken).ConfigureAwait(false);
            }
            catch (LineNotPricedYetException) when (message.Attempt < MaxWaits)
            {
                waiting++;
            }
        }
        if (waiting > 0)
        {
            await queues.GetQueueClient(QueueNames.HouseholdRecompute).SendMessageAsync(
                JsonSerializer.Serialize(message with { Attempt = message.Attempt + 1 }, TariffsJson.Options), WaitForPricing, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogWaiting(logger, message.HouseholdId, waiting, message.Attempt + 1);
        }
        LogRecomputed(logger, message.HouseholdId, message.Cause, written);
        return written;
    }

    private async Task<int> RecomputeLineAsync(IndexedLine indexed, string cause, Dictionary<CatalogKey, ServiceCatalog> catalogCache, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttemptsPerLine; attempt++)
        {
            // Indexed before it is priced: a line not in the ledger yet is being priced right now. Failing
            // makes the queue deliver this message again later, when the line is there.
            var entry = await ledger.ReadLineAsync(indexed.BatchId, indexed.LineNumber, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                if (await rejections.ExistsAsync(indexed.BatchId, RejectionStore.LineKey(indexed.LineNumber), cancellationToken).ConfigureAwait(false))
                    return 0; // the engine refused the line: nothing billed to correct
                throw new LineNotPricedYetException(indexed);
            }
            var line = entry.Line;
            var key = new CatalogKey(line.Authority, line.Service);
            if (!catalogCache.TryGetValue(key, out var catalog))
                catalogCache[key] = catalog = await catalogs.FindAsync(line.Authority, line.Service, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The catalog {key} of a priced line is no longer published.");

            var stored = await eligibility.ForHouseholdAsync(catalog.Programs.Select(p => p.Id), line.HouseholdId, cancellationToken).ConfigureAwait(false);
            var windows = EligibilityAsOf.Windows(stored, catalog, Instant.FromDateTimeOffset(line.PricedAt));
            var outcome = TariffEngine.Price(ToBillingLine(line), catalog, windows);
            var corrections = Corrections(outcome, entry.Adjustments, catalog, cause);
            if (!await ledger.TryAppendCorrectionsAsync(line, corrections, cancellationToken).ConfigureAwait(false))
                continue;
            await publisher.PublishAsync(line.Operator, line.Authority, line.Service, line.PartitionKey,
                $"{line.PartitionKey}|{line.RowKey}|{cause}|{string.Join(',', corrections.Select(c => $"{c.Adjustment.RuleId}#{c.Number}"))}",
                Publications.Corrections(line, corrections), cancellationToken).ConfigureAwait(false);
            return corrections.Count;
        }
        throw new InvalidOperationException($"Line {indexed.LineNumber} of batch {indexed.BatchId} kept changing during {MaxAttemptsPerLine} recomputations.");
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
        int.Parse(line.RowKey, CultureInfo.InvariantCulture),
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Household {HouseholdId}: {Lines} lines are not priced yet; looking again later (wait {Attempt})")]
    private static partial void LogWaiting(ILogger logger, string householdId, int lines, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Household {HouseholdId}: correction of rule {RuleId} withheld: {Reason}")]
    private static partial void LogWithheld(ILogger logger, string householdId, string ruleId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Household {HouseholdId} recomputed after {Cause}: {Corrections} corrections written")]
    private static partial void LogRecomputed(ILogger logger, string householdId, string cause, int corrections);
}

/// <summary>A household's line is indexed but not in the ledger yet: retry the recomputation later.</summary>
public sealed class LineNotPricedYetException(IndexedLine line)
    : Exception($"Line {line.LineNumber} of batch {line.BatchId} is indexed but not priced yet; the recomputation will be retried.");
