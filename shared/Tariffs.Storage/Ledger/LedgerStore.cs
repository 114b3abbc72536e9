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

    /// <summary>Appends priced lines and their original adjustments (correction 0); returns rows inserted.</summary>
    public Task<int> AppendAsync(string batchId, string authority, string service, IEnumerable<LineOutcome> outcomes, CancellationToken cancellationToken) =>
        table.InsertMissingAsync(outcomes.SelectMany(o => Rows(batchId, authority, service, o)), cancellationToken);

    /// <summary>Every entry of a batch, in line order.</summary>
    public IAsyncEnumerable<LedgerEntry> ReadBatchAsync(string batchId, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Sanitise(batchId)}"), cancellationToken);

    /// <summary>Every entry of the ledger, streamed in key order (batch, then line).</summary>
    public IAsyncEnumerable<LedgerEntry> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    private async IAsyncEnumerable<LedgerEntry> ReadAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LineEntity? line = null;
        var adjustments = new List<AdjustmentEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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

    private static IEnumerable<ITableEntity> Rows(string batchId, string authority, string service, LineOutcome outcome)
    {
        var line = outcome.Line;
        var partition = RowKeys.Sanitise(batchId);
        var lineKey = RowKeys.Line(line.LineNumber);
        yield return new LineEntity
        {
            PartitionKey = partition,
            RowKey = lineKey,
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
        };
        foreach (var adjustment in outcome.Adjustments)
            yield return new AdjustmentEntity
            {
                PartitionKey = partition,
                RowKey = AdjustmentKey(line.LineNumber, adjustment.RuleId, 0),
                LineNumber = line.LineNumber,
                HouseholdId = line.HouseholdId,
                RuleId = adjustment.RuleId,
                ProgramId = adjustment.ProgramId,
                Step = adjustment.Step.ToString(),
                RuleVersions = adjustment.RuleVersions,
                LegalReferences = adjustment.LegalReferences,
                CoversFrom = StoredDate.Format(adjustment.Covers.Start),
                CoversTo = StoredDate.Format(adjustment.Covers.End),
                Currency = outcome.Currency.Code,
                AmountMinor = outcome.Currency.ToMinorUnits(adjustment.Amount),
                Correction = 0,
                Explanation = Explain(adjustment),
            };
    }

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
    };
}
