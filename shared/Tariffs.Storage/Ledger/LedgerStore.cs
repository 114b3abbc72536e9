using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Tariffs.Domain.Engine;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// The ledger (table <c>ledger</c>): priced lines and their adjustments under the batch id, written in
/// entity group transactions of up to 100 rows where the first write of a key wins, so redelivery never
/// doubles anything and nothing stored is ever edited.
/// </summary>
public sealed class LedgerStore(TableServiceClient service)
{
    private readonly TableClient table = service.GetTableClient(TableNames.Ledger);

    /// <summary>
    /// Appends priced lines with their original adjustments (correction 0); returns rows inserted. A line and
    /// its adjustments always share one transaction, and a line already stored is skipped whole, so a line's
    /// originals are written once, together, whatever corrections were appended to it since.
    /// </summary>
    public async Task<int> AppendAsync(string batchId, string @operator, string authority, string service, DateTimeOffset pricedAt, IEnumerable<LineOutcome> outcomes,
        IReadOnlyDictionary<string, decimal> knownIncomes, CancellationToken cancellationToken)
    {
        var inserted = 0;
        var transaction = new List<List<ITableEntity>>();
        var size = 0;
        foreach (var outcome in outcomes.OrderBy(o => o.Line.LineNumber))
        {
            var rows = Rows(batchId, @operator, authority, service, pricedAt, outcome, knownIncomes).ToList();
            if (size + rows.Count > IdempotentInserter.MaxTransactionSize)
            {
                inserted += await InsertLinesAsync(transaction, cancellationToken).ConfigureAwait(false);
                transaction = [];
                size = 0;
            }
            transaction.Add(rows);
            size += rows.Count;
        }
        if (transaction.Count > 0)
            inserted += await InsertLinesAsync(transaction, cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>Inserts whole lines in one transaction; on a conflict, retries with the lines not stored yet.</summary>
    private async Task<int> InsertLinesAsync(List<List<ITableEntity>> lines, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(lines.SelectMany(l => l).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                .ConfigureAwait(false);
            return lines.Sum(l => l.Count);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var partition = lines[0][0].PartitionKey;
            var first = lines[0][0].RowKey;
            var last = lines[^1][0].RowKey + "}";
            var stored = new HashSet<string>(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey lt {last} and Kind eq {LedgerKinds.Line}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
                stored.Add(row.RowKey);
            var missing = lines.Where(l => !stored.Contains(l[0].RowKey)).ToList();
            return missing.Count == 0 ? 0 : await InsertLinesAsync(missing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Appends corrective adjustments of one line in one entity group transaction, all or nothing. Returns
    /// false, writing nothing, when one of their keys exists already (another recomputation got there first:
    /// read the line again and recompute).
    /// </summary>
    public async Task<bool> TryAppendCorrectionsAsync(LineEntity line, IReadOnlyList<LedgerCorrection> corrections, CancellationToken cancellationToken)
    {
        if (corrections.Count == 0)
            return true;
        var currency = Domain.Money.Currency.TryFind(line.Currency, out var c) ? c : throw new InvalidOperationException($"Unknown currency {line.Currency}.");
        var lineNumber = int.Parse(line.RowKey, CultureInfo.InvariantCulture);
        var actions = corrections.Select(x => new TableTransactionAction(TableTransactionActionType.Add,
            AdjustmentRow(line.PartitionKey, lineNumber, line.HouseholdId, currency, x.Adjustment, x.Number, x.Note)));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>One stored line and its adjustments, or null when the line is not in the ledger (yet).</summary>
    public async Task<LedgerEntry?> ReadLineAsync(string batchId, int lineNumber, CancellationToken cancellationToken)
    {
        var key = RowKeys.Line(lineNumber);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Sanitise(batchId)} and RowKey ge {key} and RowKey lt {key + "}"}");
        await foreach (var entry in ReadAsync(filter, cancellationToken).ConfigureAwait(false))
            return entry;
        return null;
    }

    /// <summary>Every entry of a batch, in line order.</summary>
    public IAsyncEnumerable<LedgerEntry> ReadBatchAsync(string batchId, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Sanitise(batchId)}"), cancellationToken);

    /// <summary>
    /// Every entry of the ledger in key order with only the columns the equity report reads (<see cref="ReportColumns"/>);
    /// the others come back empty. Explanations and notes are most of a row's bytes, so this reads the ledger much faster.
    /// </summary>
    public IAsyncEnumerable<LedgerEntry> ReadAllForReportsAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken, ReportColumns);

    /// <summary>The columns <see cref="ReadAllForReportsAsync"/> reads.</summary>
    public static IReadOnlyList<string> ReportColumns { get; } =
    [
        "PartitionKey", "RowKey", nameof(LineEntity.Kind), nameof(LineEntity.Authority), nameof(LineEntity.Service), nameof(LineEntity.Area),
        nameof(LineEntity.HouseholdId), nameof(LineEntity.PeriodTo), nameof(LineEntity.Currency), nameof(LineEntity.BilledMinor),
        nameof(LineEntity.StandardBillMinor), nameof(LineEntity.Eligible), nameof(LineEntity.Quantity), nameof(LineEntity.Unit),
        nameof(LineEntity.OverchargeMinor), nameof(LineEntity.AnnualIncomeMinor), nameof(AdjustmentEntity.Step), nameof(AdjustmentEntity.AmountMinor),
    ];

    private async IAsyncEnumerable<LedgerEntry> ReadAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        LineEntity? line = null;
        var adjustments = new List<AdjustmentEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(nameof(LineEntity.Kind)) == LedgerKinds.Adjustment)
            {
                adjustments.Add(ToAdjustment(row));
                continue;
            }
            if (line is not null)
                yield return new LedgerEntry(line.PartitionKey, line, adjustments);
            line = ToLine(row);
            adjustments = [];
        }
        if (line is not null)
            yield return new LedgerEntry(line.PartitionKey, line, adjustments);
    }

    private static IEnumerable<ITableEntity> Rows(string batchId, string @operator, string authority, string service, DateTimeOffset pricedAt, LineOutcome outcome,
        IReadOnlyDictionary<string, decimal> knownIncomes)
    {
        var line = outcome.Line;
        var partition = RowKeys.Sanitise(batchId);
        var lineKey = RowKeys.Line(line.LineNumber);
        yield return new LineEntity
        {
            PartitionKey = partition,
            RowKey = lineKey,
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
        foreach (var adjustment in outcome.Overcharge?.Refund is { } refund ? outcome.Adjustments.Append(refund) : outcome.Adjustments)
            yield return AdjustmentRow(partition, line.LineNumber, line.HouseholdId, outcome.Currency, adjustment, 0, "");
    }

    private static AdjustmentEntity AdjustmentRow(string partition, int lineNumber, string householdId, Domain.Money.Currency currency, Adjustment adjustment, int correction, string note) => new()
    {
        PartitionKey = partition,
        RowKey = AdjustmentKey(lineNumber, adjustment.RuleId, correction),
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

    /// <summary>RowKey of an adjustment: line | rule | correction number.</summary>
    public static string AdjustmentKey(int lineNumber, string ruleId, int correction) =>
        RowKeys.Join(RowKeys.Line(lineNumber), ruleId, correction.ToString("D4", CultureInfo.InvariantCulture));

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
