using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Engine;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Rejections;

namespace Tariffs.Application.Billing;

/// <summary>
/// Prices a billing batch: validates it, reads the catalog of its authority and service and the
/// eligibility of its households (one partition scan per program), prices every good line, appends lines
/// and adjustments to the ledger and stores a rejection with its reason for every bad line — or for the
/// whole batch when it cannot be read. Deterministic keys make a redelivered batch write nothing new.
/// </summary>
public sealed partial class BillingBatchHandler(
    CatalogRepository catalogs,
    EligibilityStore eligibility,
    LedgerStore ledger,
    RejectionStore rejections,
    ILogger<BillingBatchHandler> logger)
{
    /// <summary>Rejections of unreadable batches are stored under this partition, keyed by message id.</summary>
    public const string UnreadablePartition = "billing-batches";

    /// <summary>Handles one batch document received as a message (or an HTTP body) with the given id.</summary>
    public async Task<BatchOutcome> HandleAsync(string json, string messageId, CancellationToken cancellationToken)
    {
        BillingBatchMessage? batch;
        try
        {
            batch = JsonSerializer.Deserialize<BillingBatchMessage>(json, TariffsJson.Options);
        }
        catch (JsonException e)
        {
            return await RefuseAsync(UnreadablePartition, messageId, null, 0, $"{e.Path ?? "$"}: not a readable billing batch: {e.Message.Split(". ")[0]}.", json, cancellationToken);
        }

        var errors = new ValidationErrors();
        if (batch is null)
            errors.Add("$", "a billing batch is a JSON object");
        var batchId = errors.Required(batch?.BatchId, "$.batchId");
        var authority = errors.Required(batch?.Authority, "$.authority");
        var service = errors.Required(batch?.Service, "$.service");
        var lines = errors.Required(batch?.Lines, "$.lines") ?? [];
        if (!errors.IsEmpty)
            return await RefuseAsync(batchId is null ? UnreadablePartition : batchId, batchId is null ? messageId : "batch", batchId, lines.Count, errors.ToString(), json, cancellationToken);

        var catalog = await catalogs.FindAsync(authority!, service!, cancellationToken).ConfigureAwait(false);
        if (catalog is null)
            return await RefuseAsync(batchId!, "batch", batchId, lines.Count, $"$.service: no catalog is published for authority '{authority}' and service '{service}'", json, cancellationToken);
        if (batch!.Currency is { } currency && catalog.Tariffs.Values.FirstOrDefault()?.Currency.Code is { } expected && currency != expected)
            return await RefuseAsync(batchId!, "batch", batchId, lines.Count, $"$.currency: '{currency}' but the catalog of {catalog.Key} is in {expected}", json, cancellationToken);

        var refused = new List<Rejection>();
        var valid = new List<Domain.Billing.BillingLine>(lines.Count);
        var seen = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var validation = BillingLineValidator.Validate(lines[i], i, seen);
            if (validation.Line is { } line)
                valid.Add(line);
            else
                refused.Add(LineRejection(batchId!, i, validation.LineNumber, validation.Reason!, lines[i].GetRawText()));
        }

        var households = valid.Select(l => l.HouseholdId).ToHashSet(StringComparer.Ordinal);
        var windows = await eligibility.ForHouseholdsAsync(catalog.Programs.Select(p => p.Id), households, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<LineOutcome>(valid.Count);
        foreach (var line in valid)
        {
            try
            {
                outcomes.Add(TariffEngine.Price(line, catalog, windows.TryGetValue(line.HouseholdId, out var w) ? w : []));
            }
            catch (PricingException e)
            {
                refused.Add(LineRejection(batchId!, null, line.LineNumber, e.Message, $"line {line.LineNumber}"));
            }
        }

        var written = await ledger.AppendAsync(batchId!, catalog.Authority, catalog.Service, outcomes, cancellationToken).ConfigureAwait(false);
        if (refused.Count > 0)
            await rejections.AddAsync(refused, cancellationToken).ConfigureAwait(false);

        var result = new BatchOutcome(batchId, lines.Count, outcomes.Count, refused.Count, outcomes.Sum(o => o.Adjustments.Count), written, null);
        LogBatch(logger, result.BatchId, result.LinesReceived, result.LinesPriced, result.LinesRejected, result.AdjustmentsProduced, result.LedgerRowsWritten);
        return result;
    }

    private static Rejection LineRejection(string batchId, int? index, int? lineNumber, string reason, string excerpt) => new(
        batchId,
        lineNumber is { } n ? $"line|{n:D10}" : $"index|{index:D10}",
        UnreadablePartition,
        reason,
        excerpt);

    private async Task<BatchOutcome> RefuseAsync(string partition, string key, string? batchId, int lines, string reason, string json, CancellationToken cancellationToken)
    {
        await rejections.AddAsync([new Rejection(partition, key, UnreadablePartition, reason, json)], cancellationToken).ConfigureAwait(false);
        LogRefused(logger, batchId, reason);
        return BatchOutcome.Refused(batchId, lines, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId}: {Received} lines received, {Priced} priced, {Rejected} rejected, {Adjustments} adjustments, {Written} ledger rows written")]
    private static partial void LogBatch(ILogger logger, string? batchId, int received, int priced, int rejected, int adjustments, int written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? batchId, string reason);
}
