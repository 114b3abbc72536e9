using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Tariffs.Domain.Engine;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// The ledger (table <c>ledger</c>): priced lines and their adjustments, written in entity group transactions of
/// up to 100 rows where the first write of a key wins, so redelivery never doubles anything and nothing stored is
/// ever edited. Rows are keyed by household: PartitionKey = one of <see cref="Partitions"/> buckets of the household
/// id (<see cref="PartitionOf"/>), RowKey = household | batch | line (<see cref="LineKey"/>), so a household's lines
/// are one range query (what a late eligibility flag recomputes, what an explanation shows) and a chunk of 2,000
/// lines costs three transactions per bucket.
/// </summary>
public sealed class LedgerStore(TableServiceClient service)
{
    /// <summary>
    /// Number of partitions the ledger spreads households over: few enough that a chunk's transactions are nearly full
    /// (with 16, a chunk took 32 transactions instead of 24 and the end-to-end benchmark ran 10–25% slower), enough
    /// that their combined per-partition throughput targets (2,000 entities/s each: 16,000/s) come near an account's
    /// (20,000/s).
    /// </summary>
    public const int Partitions = 8;

    /// <summary>Start of the RowKey of outbox rows: a line key never starts with '|' (its household part is not empty).</summary>
    private const string OutboxPrefix = "|outbox|";

    /// <summary>Partitions the equity report reads at once.</summary>
    private const int ReportReaders = 4;

    /// <summary>At most this many key comparisons in one query filter besides the partition's (Table storage allows 15 in all).</summary>
    private const int ComparisonsPerFilter = 14;

    private readonly TableClient table = service.GetTableClient(TableNames.Ledger);

    /// <summary>
    /// Appends priced lines with their original adjustments (correction 0). A line and its adjustments always share
    /// one transaction, and a line already stored is skipped whole, so a line's originals are written once, together,
    /// whatever corrections were appended to it since. Returns the rows inserted and the lines found stored already (a
    /// redelivered chunk: they were priced then, perhaps with less eligibility known than now; <see cref="ReadLinesAsync"/>
    /// reads what is stored for them). One line never costs another: a line whose rows cannot be built (an amount beyond
    /// minor units) is returned refused with why, and a transaction storage refuses for good (a value too large, a key
    /// too long or invalid) is tried again one line at a time, the lines refused alone returned refused.
    /// </summary>
    public async Task<LedgerAppend> AppendAsync(string batchId, string @operator, string authority, string service, DateTimeOffset pricedAt, IEnumerable<LineOutcome> outcomes,
        IReadOnlyDictionary<string, decimal> knownIncomes, CancellationToken cancellationToken)
    {
        var inserted = 0;
        var skipped = new List<LineEntity>();
        var refused = new List<RefusedLine>();
        var lines = new List<LineRows>();
        foreach (var outcome in outcomes)
        {
            try
            {
                lines.Add(new LineRows(outcome, Rows(batchId, @operator, authority, service, pricedAt, outcome, knownIncomes).ToList()));
            }
            catch (Exception e) when (e is OverflowException or ArgumentException or FormatException or InvalidOperationException)
            {
                refused.Add(new RefusedLine(outcome, $"its ledger rows cannot be built: {e.Message}"));
            }
        }
        foreach (var partition in lines.GroupBy(l => l.Rows[0].PartitionKey).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var transaction = new List<LineRows>();
            var size = 0;
            foreach (var rows in partition.OrderBy(l => l.Rows[0].RowKey, StringComparer.Ordinal))
            {
                if (size + rows.Rows.Count > IdempotentInserter.MaxTransactionSize)
                {
                    inserted += await InsertLinesAsync(transaction, skipped, refused, cancellationToken).ConfigureAwait(false);
                    transaction = [];
                    size = 0;
                }
                transaction.Add(rows);
                size += rows.Rows.Count;
            }
            if (transaction.Count > 0)
                inserted += await InsertLinesAsync(transaction, skipped, refused, cancellationToken).ConfigureAwait(false);
        }
        return new LedgerAppend(inserted, skipped, refused);
    }

    /// <summary>A priced line and the rows it is stored as (the line's first, then its adjustments').</summary>
    private sealed record LineRows(LineOutcome Outcome, List<ITableEntity> Rows);

    /// <summary>
    /// Inserts whole lines of one partition in one transaction; on a conflict, retries with the lines not stored yet; when
    /// storage refuses the transaction for good, inserts its lines one at a time and returns those refused alone in
    /// <paramref name="refused"/>.
    /// </summary>
    private async Task<int> InsertLinesAsync(List<LineRows> lines, List<LineEntity> skipped, List<RefusedLine> refused, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(lines.SelectMany(l => l.Rows).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                .ConfigureAwait(false);
            return lines.Sum(l => l.Rows.Count);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var stored = await StoredKeysAsync(lines[0].Rows[0].PartitionKey, lines.Select(l => l.Rows[0].RowKey).ToList(), cancellationToken).ConfigureAwait(false);
            skipped.AddRange(lines.Where(l => stored.Contains(l.Rows[0].RowKey)).Select(l => (LineEntity)l.Rows[0]));
            var missing = lines.Where(l => !stored.Contains(l.Rows[0].RowKey)).ToList();
            return missing.Count == 0 ? 0 : await InsertLinesAsync(missing, skipped, refused, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (StorageErrors.IsRefusal(e))
        {
            if (lines.Count == 1)
            {
                refused.Add(new RefusedLine(lines[0].Outcome, $"storage refused its ledger rows: {StorageErrors.Describe(e)}"));
                return 0;
            }
            var inserted = 0;
            foreach (var line in lines)
                inserted += await InsertLinesAsync([line], skipped, refused, cancellationToken).ConfigureAwait(false);
            return inserted;
        }
    }

    /// <summary>
    /// Which of the row keys exist in the partition: point comparisons, a few keys per query, because the lines of a
    /// transaction are spread over the whole partition (a range from the first to the last would read most of it).
    /// </summary>
    private async Task<HashSet<string>> StoredKeysAsync(string partition, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in Filters(partition, rowKeys, 1, k => TableClient.CreateQueryFilter($"RowKey eq {k}")))
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
                stored.Add(row.RowKey);
        return stored;
    }

    /// <summary>
    /// Filters of one partition OR-ing the conditions of a few items each, so that each holds at most 15 comparisons
    /// (Table storage's limit): the partition's, then <paramref name="comparisonsPerItem"/> per item.
    /// </summary>
    private static IEnumerable<string> Filters<T>(string partition, IEnumerable<T> items, int comparisonsPerItem, Func<T, string> condition) =>
        items.Chunk(ComparisonsPerFilter / comparisonsPerItem).Select(group =>
            $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition}")} and ({string.Join(" or ", group.Select(condition))})");

    /// <summary>
    /// Appends corrective adjustments of one line and the outbox row of their publication (<paramref name="publication"/>)
    /// in one entity group transaction, all or nothing. Returns the outbox row, to be deleted with
    /// <see cref="CompletePublicationAsync"/> once the publication is sent; null, writing nothing, when one of the keys
    /// exists already (another recomputation got there first: read the line again and recompute).
    /// </summary>
    public async Task<OutboxEntity?> TryAppendCorrectionsAsync(LineEntity line, IReadOnlyList<LedgerCorrection> corrections, string publication, CancellationToken cancellationToken)
    {
        if (corrections.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(corrections));
        var currency = Domain.Money.Currency.TryFind(line.Currency, out var c) ? c : throw new InvalidOperationException($"Unknown currency {line.Currency}.");
        var rows = corrections.Select(x => AdjustmentRow(line.PartitionKey, line.RowKey, line.BatchId, line.LineNumber, line.HouseholdId, currency, x.Adjustment, x.Number, x.Note)).ToList();
        var outbox = new OutboxEntity
        {
            PartitionKey = line.PartitionKey,
            // Any one of the corrections' keys identifies the append (each is new, or the whole append fails).
            RowKey = OutboxPrefix + rows[0].RowKey,
            Payload = publication,
        };
        try
        {
            await table.SubmitTransactionAsync(rows.Append<ITableEntity>(outbox).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                .ConfigureAwait(false);
            return outbox;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Deletes an outbox row once its publication is sent (deleting it twice is harmless).</summary>
    public async Task CompletePublicationAsync(OutboxEntity outbox, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(outbox.PartitionKey, outbox.RowKey, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Outbox rows written before <paramref name="before"/> and still there: publications whose sender stopped between
    /// storing the corrections and sending them. One range query per partition.
    /// </summary>
    public async IAsyncEnumerable<OutboxEntity> PendingPublicationsAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var partition = 0; partition < Partitions; partition++)
        {
            var key = partition.ToString("x2", CultureInfo.InvariantCulture);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ge {OutboxPrefix} and RowKey lt {OutboxPrefix[..^1] + "}"} and Timestamp lt {before}");
            await foreach (var row in table.QueryAsync<OutboxEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                yield return row;
        }
    }

    /// <summary>One stored line and its adjustments as they are now, or null when it is not in the ledger.</summary>
    public async Task<LedgerEntry?> ReadLineAsync(LineEntity line, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {line.PartitionKey} and RowKey ge {line.RowKey} and RowKey lt {line.RowKey + "}"}");
        await foreach (var entry in ReadAsync(filter, cancellationToken).ConfigureAwait(false))
            return entry;
        return null;
    }

    /// <summary>
    /// Several stored lines with their adjustments, as stored now (lines not stored are left out): a query per seven
    /// lines of a partition, each line being the range of its key and its adjustments' keys.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> ReadLinesAsync(IEnumerable<LineEntity> lines, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        foreach (var partition in lines.GroupBy(l => l.PartitionKey))
            foreach (var filter in Filters(partition.Key, partition, 2, l => TableClient.CreateQueryFilter($"(RowKey ge {l.RowKey} and RowKey lt {l.RowKey + "}"})")))
                await foreach (var entry in ReadAsync(filter, cancellationToken).ConfigureAwait(false))
                    entries.Add(entry);
        return entries;
    }

    /// <summary>Every stored line of one household (of every batch) with its adjustments, in batch and line order.</summary>
    public IAsyncEnumerable<LedgerEntry> ReadHouseholdAsync(string householdId, CancellationToken cancellationToken)
    {
        var prefix = RowKeys.Part(householdId) + RowKeys.Separator;
        return ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(householdId)} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}"), cancellationToken);
    }

    /// <summary>
    /// Every entry of a batch, in household order: a scan of the ledger filtered on the batch id (rows are keyed by
    /// household), for tests and diagnostics — operators receive a batch's adjustments as they are written.
    /// </summary>
    public IAsyncEnumerable<LedgerEntry> ReadBatchAsync(string batchId, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"BatchId eq {batchId}"), cancellationToken);

    /// <summary>
    /// Every entry of the ledger with only the columns the equity report reads (<see cref="ReportColumns"/>; the others
    /// come back empty), partitions read side by side (<see cref="ReportReaders"/> at a time) so that parsing one
    /// page overlaps fetching the next: entries come in no particular order across partitions. Explanations and notes
    /// are most of a row's bytes, so this reads the ledger much faster than whole rows.
    /// </summary>
    public async IAsyncEnumerable<LedgerEntry> ReadAllForReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<LedgerEntry>(new BoundedChannelOptions(4_096) { SingleReader = true });
        var readers = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, Partitions), new ParallelOptions { MaxDegreeOfParallelism = ReportReaders, CancellationToken = stop.Token },
                    async (partition, token) =>
                    {
                        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.ToString("x2", CultureInfo.InvariantCulture)}");
                        await foreach (var entry in ReadAsync(filter, token, ReportColumns).ConfigureAwait(false))
                            await channel.Writer.WriteAsync(entry, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e); // the reader below throws it
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var entry in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return entry;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false); // the caller stopped early: stop the readers too
            await readers.ConfigureAwait(false);
        }
    }

    /// <summary>The columns <see cref="ReadAllForReportsAsync"/> reads.</summary>
    public static IReadOnlyList<string> ReportColumns { get; } =
    [
        "PartitionKey", "RowKey", nameof(LineEntity.Kind), nameof(LineEntity.Authority), nameof(LineEntity.Service), nameof(LineEntity.Area),
        nameof(LineEntity.HouseholdId), nameof(LineEntity.PeriodTo), nameof(LineEntity.Currency), nameof(LineEntity.BilledMinor),
        nameof(LineEntity.StandardBillMinor), nameof(LineEntity.Eligible), nameof(LineEntity.Quantity), nameof(LineEntity.Unit),
        nameof(LineEntity.OverchargeMinor), nameof(LineEntity.AnnualIncomeMinor), nameof(AdjustmentEntity.Step), nameof(AdjustmentEntity.AmountMinor),
        "Timestamp",
    ];

    private async IAsyncEnumerable<LedgerEntry> ReadAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        LineEntity? line = null;
        var adjustments = new List<AdjustmentEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var kind = row.GetString(nameof(LineEntity.Kind));
            if (kind == LedgerKinds.Outbox)
                continue;
            if (kind == LedgerKinds.Adjustment)
            {
                adjustments.Add(ToAdjustment(row));
                continue;
            }
            if (line is not null)
                yield return new LedgerEntry(line, adjustments);
            line = ToLine(row);
            adjustments = [];
        }
        if (line is not null)
            yield return new LedgerEntry(line, adjustments);
    }

    private static IEnumerable<ITableEntity> Rows(string batchId, string @operator, string authority, string service, DateTimeOffset pricedAt, LineOutcome outcome,
        IReadOnlyDictionary<string, decimal> knownIncomes)
    {
        var line = outcome.Line;
        var partition = PartitionOf(line.HouseholdId);
        var lineKey = LineKey(line.HouseholdId, batchId, line.LineNumber);
        yield return new LineEntity
        {
            PartitionKey = partition,
            RowKey = lineKey,
            BatchId = batchId,
            LineNumber = line.LineNumber,
            Operator = @operator,
            Authority = authority,
            Service = service,
            Currency = outcome.Currency.Code,
            HouseholdId = line.HouseholdId,
            AccountId = line.AccountId,
            Area = line.Area,
            MainResidence = line.MainResidence,
            Persons = line.Persons,
            PeriodFrom = StoredDate.Format(line.Period.Start),
            PeriodTo = StoredDate.Format(line.Period.End),
            Quantity = line.Quantity.ToString(CultureInfo.InvariantCulture),
            Unit = line.Unit,
            TariffCode = line.TariffCode,
            BilledMinor = outcome.Currency.ToMinorUnits(line.BilledAmount),
            StandardBillMinor = outcome.Currency.ToMinorUnits(outcome.StandardBill),
            Eligible = outcome.Eligible,
            PricedAt = pricedAt,
            OverchargeMinor = outcome.Overcharge is { } overcharge ? outcome.Currency.ToMinorUnits(overcharge.Excess) : 0,
            Notes = string.Join("; ", outcome.Notes.Select(n => n.Text)),
            AnnualIncomeMinor = knownIncomes.TryGetValue(line.HouseholdId, out var income) ? outcome.Currency.ToMinorUnits(income) : null,
        };
        foreach (var adjustment in outcome.Posted)
            yield return AdjustmentRow(partition, lineKey, batchId, line.LineNumber, line.HouseholdId, outcome.Currency, adjustment, 0, "");
    }

    private static AdjustmentEntity AdjustmentRow(string partition, string lineKey, string batchId, int lineNumber, string householdId, Domain.Money.Currency currency,
        Adjustment adjustment, int correction, string note) => new()
    {
        PartitionKey = partition,
        RowKey = AdjustmentKey(lineKey, adjustment.RuleId, correction),
        BatchId = batchId,
        LineNumber = lineNumber,
        HouseholdId = householdId,
        RuleId = adjustment.RuleId,
        ProgramId = adjustment.ProgramId,
        Step = adjustment.Step.ToString(),
        RuleVersions = adjustment.RuleVersions,
        LegalReferences = adjustment.LegalReferences,
        CoversFrom = StoredDate.Format(adjustment.Covers.Start),
        CoversTo = StoredDate.Format(adjustment.Covers.End),
        Currency = currency.Code,
        AmountMinor = currency.ToMinorUnits(adjustment.Amount),
        Correction = correction,
        Explanation = Explain(adjustment),
        Note = note,
    };

    /// <summary>The partition of a household's rows: FNV-1a of its id, modulo <see cref="Partitions"/>, as two hex digits.</summary>
    public static string PartitionOf(string householdId)
    {
        var hash = 2166136261u;
        foreach (var c in householdId)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (hash % Partitions).ToString("x2", CultureInfo.InvariantCulture);
    }

    /// <summary>RowKey of a line: household | batch | line number (10 digits), the ids escaped by <see cref="RowKeys.Part"/> so that no two lines share a key.</summary>
    public static string LineKey(string householdId, string batchId, int lineNumber) => RowKeys.Join(householdId, batchId, RowKeys.Line(lineNumber));

    /// <summary>RowKey of an adjustment: its line's key | rule | correction number (4 digits, 0000 for the original), so it sorts right after its line.</summary>
    public static string AdjustmentKey(string lineKey, string ruleId, int correction) =>
        string.Join(RowKeys.Separator, lineKey, RowKeys.Part(ruleId), correction.ToString("D4", CultureInfo.InvariantCulture));

    private static string Explain(Adjustment adjustment) => JsonSerializer.Serialize(adjustment.Segments.Select(s => new
    {
        from = StoredDate.Format(s.Interval.Start),
        to = StoredDate.Format(s.Interval.End),
        ruleVersion = s.RuleVersion,
        legalReference = s.Legal.Citation,
        detail = s.Detail,
        amount = s.Amount,
    }));

    private static LineEntity ToLine(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Timestamp = row.Timestamp,
        BatchId = row.GetString(nameof(LineEntity.BatchId)) ?? "",
        LineNumber = row.GetInt32(nameof(LineEntity.LineNumber)) ?? 0,
        Operator = row.GetString(nameof(LineEntity.Operator)) ?? "",
        Authority = row.GetString(nameof(LineEntity.Authority)) ?? "",
        Service = row.GetString(nameof(LineEntity.Service)) ?? "",
        Currency = row.GetString(nameof(LineEntity.Currency)) ?? "",
        HouseholdId = row.GetString(nameof(LineEntity.HouseholdId)) ?? "",
        AccountId = row.GetString(nameof(LineEntity.AccountId)) ?? "",
        Area = row.GetString(nameof(LineEntity.Area)) ?? "",
        MainResidence = row.GetBoolean(nameof(LineEntity.MainResidence)) ?? false,
        Persons = row.GetInt32(nameof(LineEntity.Persons)) ?? 0,
        PeriodFrom = row.GetString(nameof(LineEntity.PeriodFrom)) ?? "",
        PeriodTo = row.GetString(nameof(LineEntity.PeriodTo)) ?? "",
        Quantity = row.GetString(nameof(LineEntity.Quantity)) ?? "",
        Unit = row.GetString(nameof(LineEntity.Unit)) ?? "",
        TariffCode = row.GetString(nameof(LineEntity.TariffCode)) ?? "",
        BilledMinor = row.GetInt64(nameof(LineEntity.BilledMinor)) ?? 0,
        StandardBillMinor = row.GetInt64(nameof(LineEntity.StandardBillMinor)) ?? 0,
        Eligible = row.GetBoolean(nameof(LineEntity.Eligible)) ?? false,
        PricedAt = row.GetDateTimeOffset(nameof(LineEntity.PricedAt)) ?? default,
        OverchargeMinor = row.GetInt64(nameof(LineEntity.OverchargeMinor)) ?? 0,
        Notes = row.GetString(nameof(LineEntity.Notes)) ?? "",
        AnnualIncomeMinor = row.GetInt64(nameof(LineEntity.AnnualIncomeMinor)),
    };

    private static AdjustmentEntity ToAdjustment(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Timestamp = row.Timestamp,
        BatchId = row.GetString(nameof(AdjustmentEntity.BatchId)) ?? "",
        LineNumber = row.GetInt32(nameof(AdjustmentEntity.LineNumber)) ?? 0,
        HouseholdId = row.GetString(nameof(AdjustmentEntity.HouseholdId)) ?? "",
        RuleId = row.GetString(nameof(AdjustmentEntity.RuleId)) ?? "",
        ProgramId = row.GetString(nameof(AdjustmentEntity.ProgramId)) ?? "",
        Step = row.GetString(nameof(AdjustmentEntity.Step)) ?? "",
        RuleVersions = row.GetString(nameof(AdjustmentEntity.RuleVersions)) ?? "",
        LegalReferences = row.GetString(nameof(AdjustmentEntity.LegalReferences)) ?? "",
        CoversFrom = row.GetString(nameof(AdjustmentEntity.CoversFrom)) ?? "",
        CoversTo = row.GetString(nameof(AdjustmentEntity.CoversTo)) ?? "",
        Currency = row.GetString(nameof(AdjustmentEntity.Currency)) ?? "",
        AmountMinor = row.GetInt64(nameof(AdjustmentEntity.AmountMinor)) ?? 0,
        Correction = row.GetInt32(nameof(AdjustmentEntity.Correction)) ?? 0,
        Explanation = row.GetString(nameof(AdjustmentEntity.Explanation)) ?? "",
        Note = row.GetString(nameof(AdjustmentEntity.Note)) ?? "",
    };
}
