using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Intake;
using Tariffs.Application.Output;
using Tariffs.Application.Reports;
using Tariffs.Application.Telemetry;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Billing;

/// <summary>
/// Prices one chunk of a batch — the bounded unit of work — given the raw bytes of its lines: validates each line on
/// its own, reads the eligibility of the chunk's households (one query per program, on a cache of its partition; and,
/// for a catalog with criteria, their facts: one query per household),
/// prices every good line, appends lines and adjustments to the ledger, projects them into the equity report's units
/// (<see cref="ReportChanges"/>), stores a rejection with its reason for every
/// bad line, publishes the adjustments for the operator, and records the chunk as done. Every write has a
/// deterministic key: a chunk processed twice writes nothing new.
/// </summary>
/// <remarks>
/// A flag stored while the chunk is priced is never lost: once its lines are in the ledger, the chunk reads the
/// eligibility of its households again and queues a recomputation of each household whose eligibility grew in
/// between (eligibility rows are insert-only); facts are read again only if a statement was stored since the first
/// read (<see cref="EffectiveEligibility.RereadAsync"/>). A flag or statement stored after that second read finds the
/// lines in the ledger when its own recomputation runs. Lines found in the ledger already (the chunk delivered again) were priced with what was
/// known then: those the eligibility stored now would correct are recomputed too.
/// </remarks>
public sealed partial class ChunkProcessor(
    CatalogRepository catalogs,
    EffectiveEligibility eligibility,
    ILedger ledger,
    IRejections rejections,
    IBatches batches,
    AdjustmentPublisher publisher,
    RecomputeQueue recomputations,
    LineCorrector corrector,
    ReportChanges reportChanges,
    IClock clock,
    ILogger<ChunkProcessor> logger)
{
    /// <summary>Largest annual income stored with a line: in minor units of any currency (up to 3 decimals) it fits an Int64.</summary>
    private const decimal MaxStoredIncome = long.MaxValue / 1_000m;

    /// <summary>Source recorded on rejections of billing input.</summary>
    public const string Source = "billing-batches";

    /// <summary>Processes the lines held in <paramref name="content"/> (JSON values separated by commas).</summary>
    public async Task<BatchOutcome> ProcessAsync(BatchHeader header, int chunk, int firstIndex, ReadOnlyMemory<byte> content, CancellationToken cancellationToken,
        string? traceParent = null)
    {
        using var activity = TariffsTelemetry.StartChunk(header.BatchId, chunk, traceParent);
        var lap = Stopwatch.GetTimestamp();
        var catalog = await catalogs.FindAsync(header.Authority, header.Service, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No catalog for {header.Authority}/{header.Service}: intake checks this before a chunk is queued.");

        var refused = new List<Rejection>();
        var valid = new List<BillingLine>();
        var received = 0;
        ForEachLine(content, element =>
        {
            var index = firstIndex + received++;
            LineValidation validation;
            try
            {
                validation = BillingLineValidator.Validate(element, index);
            }
            catch (Exception e) when (e is not OperationCanceledException) // invalid UTF-8, a value no type holds…
            {
                validation = LineValidation.Refused(LineNumberReader.Read(JsonMarshal.GetRawUtf8Value(element)), $"$.lines[{index}]: not readable: {e.Message}");
            }
            if (validation.Line is { } line)
                valid.Add(line);
            else
                refused.Add(LineRejection(header.BatchId, index, validation.LineNumber, validation.Reason!, BillingLineValidator.Excerpt(element)));
        });

        var parseMs = Laps.Next(ref lap);
        var householdIds = valid.Select(l => l.HouseholdId).ToHashSet(StringComparer.Ordinal);
        var read = await eligibility.ReadAsync(catalog, householdIds, cancellationToken).ConfigureAwait(false);
        var stored = read.Households;
        var eligibilityMs = Laps.Next(ref lap);
        var pricedAt = clock.GetCurrentInstant();

        var incomes = KnownIncomes(stored);
        // Each line's ledger line and adjustment count: what the rest of the chunk needs of its pricing (the outcomes go).
        var priced = new List<(LedgerLine Line, int Adjustments)>(valid.Count);
        foreach (var line in valid)
        {
            LineOutcome outcome;
            EligibilityBasis basis;
            try
            {
                var with = stored.TryGetValue(line.HouseholdId, out var e) ? EffectiveEligibility.ForLine(e, catalog, line.Period, pricedAt) : null;
                basis = with?.Basis ?? EligibilityBasis.None;
                outcome = TariffEngine.Price(line, catalog, with?.Windows ?? []);
            }
            catch (Exception e) when (e is not OperationCanceledException) // a rule that cannot price it, an overflow…
            {
                refused.Add(LineRejection(header.BatchId, null, line.LineNumber, e is PricingException ? e.Message : $"cannot be priced: {e.Message}", Excerpt(line.LineNumber, line.HouseholdId)));
                continue;
            }
            try
            {
                priced.Add((LedgerLine.Priced(header.BatchId, header.Operator, catalog.Authority, catalog.Service, pricedAt, outcome,
                    incomes.TryGetValue(line.HouseholdId, out var income) ? income : null, basis), outcome.Adjustments.Count));
            }
            catch (Exception e) when (e is OverflowException or ArgumentException) // an amount beyond minor units
            {
                refused.Add(LineRejection(header.BatchId, null, line.LineNumber, $"its ledger rows cannot be built: {e.Message}", Excerpt(line.LineNumber, line.HouseholdId)));
            }
        }

        valid.Clear(); // priced or refused now: the parsed lines need not wait for storage with the chunk
        valid.TrimExcess();
        var priceMs = Laps.Next(ref lap);
        var append = await ledger.AppendAsync([.. priced.Select(p => p.Line)], cancellationToken).ConfigureAwait(false);
        var written = append.RowsInserted;
        if (append.Refused.Count > 0)
        {
            var notStored = append.Refused.Select(r => r.Line).ToHashSet(ReferenceEqualityComparer.Instance);
            priced.RemoveAll(p => notStored.Contains(p.Line));
            refused.AddRange(append.Refused.Select(r => LineRejection(header.BatchId, null, r.Line.LineNumber, r.Reason, Excerpt(r.Line.LineNumber, r.Line.HouseholdId))));
        }
        var ledgerMs = Laps.Next(ref lap);
        // Lines an earlier delivery stored are projected as stored (a delivery that stopped before projecting them is repaired).
        IReadOnlyList<LedgerLine> storedEarlier = append.AlreadyStored.Count == 0 ? [] : await ledger.ReadLinesAsync(append.AlreadyStored.Select(l => l.Id), cancellationToken).ConfigureAwait(false);
        var earlierIds = append.AlreadyStored.Select(l => l.Id).ToHashSet();
        await reportChanges.ProjectAsync([.. priced.Select(p => p.Line).Where(l => !earlierIds.Contains(l.Id))], storedEarlier, cancellationToken).ConfigureAwait(false);
        var reportMs = Laps.Next(ref lap);
        var now = await eligibility.RereadAsync(catalog, householdIds, read, cancellationToken).ConfigureAwait(false);
        // Lines an earlier delivery stored: only those of households with eligibility can differ from this pricing.
        var storedBefore = storedEarlier.Where(l => now.ContainsKey(l.HouseholdId)).ToList();
        var cause = $"eligibility received while batch {header.BatchId} was priced";
        foreach (var household in ToRecompute(stored, now, storedBefore, catalog, cause))
            await recomputations.EnqueueAsync(household, cause, cancellationToken).ConfigureAwait(false);
        if (refused.Count > 0)
            await rejections.AddAsync(refused, cancellationToken).ConfigureAwait(false);
        var recheckMs = Laps.Next(ref lap);
        var adjustments = priced.Sum(p => p.Adjustments);
        var storedById = storedBefore.ToDictionary(l => l.Id);
        await publisher.PublishAsync(new Publication(header.Operator, catalog.Authority, catalog.Service, header.BatchId, $"{header.BatchId}|chunk-{chunk:D6}",
            Publications.Originals(priced.Select(p => storedById.GetValueOrDefault(p.Line.Id, p.Line)))), cancellationToken).ConfigureAwait(false);
        var publishMs = Laps.Next(ref lap);
        await batches.SaveChunkAsync(header.BatchId, new ChunkRecord
        {
            Chunk = chunk,
            Lines = received,
            Priced = priced.Count,
            Rejected = refused.Count,
            Adjustments = adjustments,
            CompletedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken).ConfigureAwait(false);

        var statusMs = Laps.Next(ref lap);
        TariffsTelemetry.RecordChunk(header, priced.Count, refused.Count, adjustments, written);
        LogChunk(logger, header.BatchId, chunk, received, priced.Count, refused.Count, adjustments, written,
            parseMs + eligibilityMs + priceMs + ledgerMs + reportMs + recheckMs + publishMs + statusMs, parseMs, eligibilityMs, priceMs, ledgerMs, reportMs, recheckMs, publishMs, statusMs);
        return new BatchOutcome(header.BatchId, received, priced.Count, refused.Count, adjustments, written);
    }

    /// <summary>
    /// Records a chunk that could not be processed — it failed on its last delivery, or for good — as done and failed,
    /// so that its batch reaches a terminal state: each of its lines not in the ledger is stored as rejected
    /// ("not processed: <paramref name="reason"/>"; a line rejected already keeps its first reason) and counted as
    /// rejected and failed. When the chunk's content cannot be read (<paramref name="content"/> null, or not JSON), one
    /// rejection of the whole chunk is stored instead and all its <paramref name="count"/> lines are counted.
    /// </summary>
    public async Task<BatchOutcome> FailAsync(BatchHeader header, int chunk, int firstIndex, int count, ReadOnlyMemory<byte>? content, string reason,
        CancellationToken cancellationToken)
    {
        var notProcessed = $"not processed: {reason}";
        var lines = new List<(int Index, int? LineNumber, string? HouseholdId, string Excerpt)>();
        try
        {
            if (content is { } bytes)
                ForEachLine(bytes, element => lines.Add((firstIndex + lines.Count, LineNumberReader.Read(JsonMarshal.GetRawUtf8Value(element)), ReadableHousehold(element), BillingLineValidator.Excerpt(element))));
        }
        catch (JsonException)
        {
            lines.Clear();
        }

        var priced = 0;
        List<Rejection> refused;
        if (lines.Count == 0 && count > 0)
        {
            refused = [new Rejection(header.BatchId, $"chunk|{chunk:D6}", Source, $"{notProcessed} (lines {firstIndex}…{firstIndex + count - 1} of the batch, by index)", $"chunk {chunk}")];
        }
        else
        {
            var keyed = lines.Where(l => l is { LineNumber: not null, HouseholdId: not null })
                .Select(l => new LedgerLineId(l.HouseholdId!, header.BatchId, l.LineNumber!.Value))
                .ToList();
            var stored = (await ledger.ReadLinesAsync(keyed, cancellationToken).ConfigureAwait(false))
                .Select(l => (l.HouseholdId, l.LineNumber)).ToHashSet();
            refused = lines.Where(l => !(l.HouseholdId is not null && l.LineNumber is { } n && stored.Contains((l.HouseholdId, n))))
                .Select(l => LineRejection(header.BatchId, l.Index, l.LineNumber, notProcessed, l.Excerpt)).ToList();
            priced = lines.Count - refused.Count;
            count = lines.Count;
        }
        await rejections.AddAsync(refused, cancellationToken).ConfigureAwait(false);
        var failed = count - priced;
        await batches.SaveChunkAsync(header.BatchId, new ChunkRecord
        {
            Chunk = chunk,
            Lines = count,
            Priced = priced,
            Rejected = failed,
            Failed = failed,
            FailureReason = Rejection.Truncate(reason, Rejection.MaxReason),
            CompletedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        }, cancellationToken).ConfigureAwait(false);
        LogChunkFailed(logger, header.BatchId, chunk, failed, reason);
        return new BatchOutcome(header.BatchId, count, priced, failed, 0, 0);
    }

    /// <summary>Runs <paramref name="action"/> on each line of <paramref name="content"/> (JSON values separated by commas), read as one JSON array.</summary>
    private static void ForEachLine(ReadOnlyMemory<byte> content, Action<JsonElement> action)
    {
        var array = ArrayPool<byte>.Shared.Rent(content.Length + 2); // the lines as a JSON array, in a pooled buffer
        array[0] = (byte)'[';
        content.Span.CopyTo(array.AsSpan(1));
        array[content.Length + 1] = (byte)']';
        try
        {
            // The lines sit one level higher than in the batch the scanner read: a line it accepted is parsed here too.
            using var document = JsonDocument.Parse(array.AsMemory(0, content.Length + 2), new JsonDocumentOptions { MaxDepth = InputLimits.MaxBatchDepth - 1 });
            foreach (var element in document.RootElement.EnumerateArray())
                action(element);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(array); // the document, disposed first, reads it; what the action keeps is copied
        }
    }

    /// <summary>The line's <c>householdId</c> when it is a readable string, else null.</summary>
    private static string? ReadableHousehold(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object || !line.TryGetProperty("householdId", out var h) || h.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return h.GetString();
        }
        catch (InvalidOperationException) // invalid UTF-8
        {
            return null;
        }
    }

    /// <summary>
    /// Households whose lines may be owed corrections: those whose eligibility grew since it was read for pricing, and
    /// those of lines an earlier delivery stored that the eligibility stored now would correct.
    /// </summary>
    private SortedSet<string> ToRecompute(Dictionary<string, HouseholdEligibility> before, Dictionary<string, HouseholdEligibility> now, IEnumerable<LedgerLine> storedBefore,
        ServiceCatalog catalog, string cause)
    {
        var households = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (household, eligibility) in now)
            if (!before.TryGetValue(household, out var was) || was.Count != eligibility.Count)
                households.Add(household);
        foreach (var line in storedBefore)
            if (now.TryGetValue(line.HouseholdId, out var eligibility) && corrector.Corrections(line, catalog, eligibility, cause).Count > 0)
                households.Add(line.HouseholdId);
        return households;
    }

    /// <summary>
    /// Each household's latest known annual income (from the facts sent with its flags or on their own), for affordability; an income
    /// no minor-unit amount can hold (beyond ±<see cref="MaxStoredIncome"/>) is left out, so that one such flag never
    /// stops its household's lines from being stored.
    /// </summary>
    private static Dictionary<string, decimal> KnownIncomes(Dictionary<string, HouseholdEligibility> stored) => stored
        .Select(h => (Household: h.Key, Facts: h.Value.Windows.Select(w => w.Facts).Concat(h.Value.Facts.Select(f => f.Facts)).Where(f => f?.AnnualIncome is not null).MaxBy(f => f!.AsOf)))
        .Where(h => h.Facts is not null && decimal.Abs(h.Facts.AnnualIncome!.Value) <= MaxStoredIncome)
        .ToDictionary(h => h.Household, h => h.Facts!.AnnualIncome!.Value, StringComparer.Ordinal);

    /// <summary>The excerpt of a line refused after validation: its number and household, as JSON (like a refused line's own excerpt).</summary>
    private static string Excerpt(int lineNumber, string householdId) => JsonSerializer.Serialize(new { lineNumber, householdId });

    /// <summary>The rejection of one line: keyed by its line number when readable, else by its index in the batch.</summary>
    private static Rejection LineRejection(string batchId, int? index, int? lineNumber, string reason, string excerpt) => new(
        batchId,
        lineNumber is { } n ? Rejection.LineKey(n) : $"index|{index:D10}",
        Source,
        reason,
        excerpt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} chunk {Chunk} failed: {Failed} lines not processed: {Reason}")]
    private static partial void LogChunkFailed(ILogger logger, string batchId, int chunk, int failed, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} chunk {Chunk}: {Received} lines received, {Priced} priced, {Rejected} rejected, {Adjustments} adjustments, {Written} ledger rows written; {Milliseconds} ms: parse {ParseMs}, eligibility {EligibilityMs}, price {PriceMs}, ledger {LedgerMs}, report {ReportMs}, recheck {RecheckMs}, publish {PublishMs}, status {StatusMs}")]
    private static partial void LogChunk(ILogger logger, string batchId, int chunk, int received, int priced, int rejected, int adjustments, int written,
        long milliseconds, long parseMs, long eligibilityMs, long priceMs, long ledgerMs, long reportMs, long recheckMs, long publishMs, long statusMs);
}
