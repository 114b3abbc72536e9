using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Catalog;
using Tariffs.Application.Output;
using Tariffs.Application.Reports;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// Recomputes every billed line of a household after its eligibility changed, and appends the corrections
/// <see cref="LineCorrector"/> finds (never an edit), so the final sum of a line does not depend on whether a grant
/// arrived before or after it was billed. Corrections of one line are written in one transaction with the outbox row
/// of their publication; if another recomputation wrote first, the line and the household's eligibility are read
/// again and the line recomputed: the recomputation that wrote first may have seen more eligibility than this one,
/// and correcting its line with what this one read would undo that (flags posted back to back raced this way).
/// </summary>
public sealed partial class HouseholdRecomputer(
    ILedger ledger,
    EffectiveEligibility eligibility,
    CatalogRepository catalogs,
    LineCorrector corrector,
    PublicationOutbox outbox,
    MessageGuard guard,
    ReportChanges reportChanges,
    ILogger<HouseholdRecomputer> logger)
{
    private const int MaxAttemptsPerLine = 10;

    /// <summary>
    /// Handles a message of <c>household-recompute</c>; a <see cref="JsonException"/> when it is not a recompute message
    /// (not JSON, or without a household id).
    /// </summary>
    public Task<int> HandleMessageAsync(string body, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<RecomputeMessage>(body, TariffsJson.Options);
        if (string.IsNullOrEmpty(message?.HouseholdId))
            throw new JsonException("Not a recompute message: it needs a householdId.");
        return RecomputeAsync(message with { Cause = message.Cause ?? "" }, cancellationToken);
    }

    /// <summary>
    /// Recomputes the household's lines stored in the ledger, then projects every line of it that carries corrections
    /// into the equity report (<see cref="ReportChanges"/>); returns the number of corrections written. Lines being
    /// priced right now are not there yet: their chunk checks the eligibility again once they are stored, and queues
    /// a recomputation when it grew meanwhile. A line that cannot be recomputed for good (<see cref="MessageGuard.IsUnprocessable"/>:
    /// an amount beyond minor units, a row storage refuses) does not stop the others: they are recomputed, then an
    /// <see cref="AggregateException"/> of those failures is thrown.
    /// </summary>
    public async Task<int> RecomputeAsync(RecomputeMessage message, CancellationToken cancellationToken)
    {
        var written = 0;
        var failures = new List<Exception>();
        var corrected = new List<LedgerLine>();
        var priced = new Dictionary<CatalogKey, (ServiceCatalog Catalog, HouseholdEligibility Eligibility)>();
        await foreach (var line in ledger.ReadHouseholdAsync(message.HouseholdId, cancellationToken).ConfigureAwait(false))
        {
            var key = new CatalogKey(line.Authority, line.Service);
            if (!priced.TryGetValue(key, out var with))
            {
                var catalog = await catalogs.FindAsync(line.Authority, line.Service, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The catalog {key} of a priced line is no longer published.");
                priced[key] = with = (catalog, await eligibility.ForHouseholdAsync(catalog, line.HouseholdId, cancellationToken).ConfigureAwait(false));
            }
            try
            {
                var (count, recomputed) = await RecomputeLineAsync(line, with.Catalog, with.Eligibility, message.Cause, cancellationToken).ConfigureAwait(false);
                written += count;
                if (recomputed.Items.Any(i => i.Sequence > 0))
                    corrected.Add(recomputed);
            }
            catch (Exception e) when (guard.IsUnprocessable(e))
            {
                failures.Add(new InvalidDataException($"line {line.LineNumber} of batch {line.BatchId} not recomputed: {guard.Describe(e)}", e));
            }
        }
        // Every corrected line, not only those corrected now: a recompute that stopped between its ledger write and
        // this projection is repaired when its message is delivered again.
        await reportChanges.LinesStoredAsync(corrected, cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
            throw new AggregateException($"Household {message.HouseholdId}: {failures.Count} lines not recomputed ({written} corrections written to the others)", failures);
        LogRecomputed(logger, message.HouseholdId, message.Cause, written);
        return written;
    }

    /// <summary>The corrections written to the line, and the line as stored after them (corrections written now have no stored instant).</summary>
    private async Task<(int Written, LedgerLine Line)> RecomputeLineAsync(LedgerLine line, ServiceCatalog catalog, HouseholdEligibility stored, string cause, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttemptsPerLine; attempt++)
        {
            var corrections = corrector.Corrections(line, catalog, stored, cause);
            if (corrections.Count == 0)
                return (0, line);
            var publication = new Publication(line.Operator, line.Authority, line.Service, line.BatchId,
                $"{line.BatchId}|{RowKeys.Line(line.LineNumber)}|{cause}|{string.Join(',', corrections.Select(c => $"{c.RuleId}#{c.Sequence}"))}",
                Publications.Corrections(line, corrections));
            if (await ledger.TryAppendCorrectionsAsync(line, corrections, PublicationOutbox.Payload(publication), cancellationToken).ConfigureAwait(false) is { } pending)
            {
                await outbox.SendAsync(pending, cancellationToken).ConfigureAwait(false);
                return (corrections.Count, line with { Items = [.. line.Items, .. corrections] });
            }
            // Another recomputation appended corrections first: start again from what is stored now.
            line = await ledger.ReadLineAsync(line.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Line {line.LineNumber} of batch {line.BatchId} disappeared from the ledger.");
            stored = await eligibility.ForHouseholdAsync(catalog, line.HouseholdId, cancellationToken).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"Line {line.LineNumber} of batch {line.BatchId} kept changing during {MaxAttemptsPerLine} recomputations.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Household {HouseholdId} recomputed after {Cause}: {Corrections} corrections written")]
    private static partial void LogRecomputed(ILogger logger, string householdId, string cause, int corrections);
}
