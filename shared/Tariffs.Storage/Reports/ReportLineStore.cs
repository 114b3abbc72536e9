using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using NodaTime;
using Tariffs.Domain.Social;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// The equity report's projection of the ledger (table <c>reportlines</c>): one row per ledger line holding what
/// <see cref="LedgerLine.ToReportLine"/> derives from and when the line and each item reached the report, keyed by
/// report unit. PartitionKey = authority | service | year | the line's ledger partition (<see cref="LedgerKeys.PartitionOf"/>),
/// RowKey = the line's ledger key: a unit is <see cref="LedgerKeys.Partitions"/> range queries read side by side, and
/// a unit's writes spread over as many partitions as the ledger's (Table storage serves about 2,000 entities/s per
/// partition). A row is replaced whole (the line with every item it has), so writing it again is harmless.
/// Items are one column, <c>step:amount:stored-at ticks</c> separated by ';' — only what the report derives from.
/// </summary>
public sealed class ReportLineStore(TableServiceClient service) : IReportLines
{
    /// <summary>Partitions of a unit read at once.</summary>
    private const int Readers = 4;

    /// <summary>Partitions written at once.</summary>
    private const int Writers = 8;

    private readonly TableClient table = service.GetTableClient(TableNames.ReportLines);

    /// <summary>The PartitionKey prefix of a unit's rows (the ledger partition follows).</summary>
    public static string UnitPrefix(ReportUnit unit) => RowKeys.Join(unit.Authority, unit.Service, unit.YearText);

    /// <summary>
    /// Stores (replaces) the projection of each line, its line and items stamped with their stored instant, or
    /// <paramref name="storedAt"/> where the line read does not know it (a line or correction just written). Returns
    /// the transactions submitted.
    /// </summary>
    public async Task<int> SaveAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken)
    {
        var partitions = lines.Select(l => Encode(l, storedAt)).GroupBy(e => e.PartitionKey).ToList();
        var transactions = 0;
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken }, async (partition, token) =>
        {
            foreach (var chunk in partition.DistinctBy(e => e.RowKey).Chunk(IdempotentInserter.MaxTransactionSize))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token).ConfigureAwait(false);
                Interlocked.Increment(ref transactions);
            }
        }).ConfigureAwait(false);
        return transactions;
    }

    /// <summary>
    /// Every projected line of <paramref name="unit"/>, in no particular order, as a ledger line with what the report
    /// derives from (other fields default; items carry only step, amount and stored instant). A row that cannot be
    /// decoded comes back with why, costing no other.
    /// </summary>
    public IAsyncEnumerable<LedgerRead> ReadUnitAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        var prefix = UnitPrefix(unit) + RowKeys.Separator;
        return SideBySide.ReadAsync(Enumerable.Range(0, LedgerKeys.Partitions).Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {prefix + LedgerKeys.Partition(p)}")), Readers,
            DecodeAsync, cancellationToken);
    }

    private async IAsyncEnumerable<LedgerRead> DecodeAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return Decode(row);
    }

    private static TableEntity Encode(LedgerLine line, Instant storedAt)
    {
        var unit = ReportUnit.Of(line.Authority, line.Service, line.Period.End);
        return new TableEntity(UnitPrefix(unit) + RowKeys.Separator + LedgerKeys.PartitionOf(line.HouseholdId), LedgerKeys.LineKey(line.Id))
        {
            ["Authority"] = line.Authority,
            ["Service"] = line.Service,
            ["Area"] = line.Area,
            ["HouseholdId"] = line.HouseholdId,
            ["PeriodTo"] = StoredDate.Format(line.Period.End),
            ["Currency"] = line.Currency.Code,
            ["BilledMinor"] = line.BilledMinor,
            ["StandardBillMinor"] = line.StandardBillMinor,
            ["Eligible"] = line.PricedEligible,
            ["Quantity"] = line.Quantity.ToString(CultureInfo.InvariantCulture),
            ["Unit"] = line.Unit,
            ["OverchargeMinor"] = line.OverchargeMinor,
            ["AnnualIncomeMinor"] = line.AnnualIncomeMinor,
            ["StoredAt"] = (line.StoredAt ?? storedAt).ToDateTimeOffset(),
            ["Items"] = string.Join(';', line.Items.Select(i => string.Join(':', ((int)i.Step).ToString(CultureInfo.InvariantCulture),
                i.AmountMinor.ToString(CultureInfo.InvariantCulture), (i.StoredAt ?? storedAt).ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)))),
        };
    }

    private static LedgerRead Decode(TableEntity row)
    {
        var authority = row.GetString("Authority") ?? "";
        var service = row.GetString("Service") ?? "";
        var householdId = row.GetString("HouseholdId") ?? "";
        try
        {
            var where = $"report line {row.PartitionKey}/{row.RowKey}";
            var to = StoredDate.Parse(row.GetString("PeriodTo") ?? "");
            var key = RowKeys.Split(row.RowKey);
            var line = new LedgerLine(new LedgerLineId(householdId, key[1], int.Parse(key[2], CultureInfo.InvariantCulture)), "", authority, service,
                Currency.Find(row.GetString("Currency"), where), "", row.GetString("Area") ?? "", false, 0, new DateInterval(to, to),
                row.GetString("Quantity") is { Length: > 0 } q ? decimal.Parse(q, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m,
                row.GetString("Unit") ?? "", "", row.GetInt64("BilledMinor") ?? 0, row.GetInt64("StandardBillMinor") ?? 0, row.GetBoolean("Eligible") ?? false,
                default, Items(row.GetString("Items"), to, where))
            {
                OverchargeMinor = row.GetInt64("OverchargeMinor") ?? 0,
                AnnualIncomeMinor = row.GetInt64("AnnualIncomeMinor"),
                StoredAt = row.GetDateTimeOffset("StoredAt") is { } at ? Instant.FromDateTimeOffset(at) : null,
            };
            return new LedgerRead([row.PartitionKey, row.RowKey], authority, service, householdId, line, null);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or OverflowException or ArgumentException or IndexOutOfRangeException or UnknownCurrencyException)
        {
            return new LedgerRead([row.PartitionKey, row.RowKey], authority, service, householdId, null, e);
        }
    }

    private static List<LedgerItem> Items(string? text, LocalDate day, string where)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var items = new List<LedgerItem>();
        foreach (var item in text.Split(';'))
        {
            var parts = item.Split(':');
            var step = (RuleStep)int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (parts.Length != 3 || !Enum.IsDefined(step))
                throw new InvalidDataException($"{where}: unreadable item '{item}'.");
            items.Add(new LedgerItem("", "", step, long.Parse(parts[1], CultureInfo.InvariantCulture), 0, "", "", new DateInterval(day, day), [])
            {
                StoredAt = Instant.FromUnixTimeTicks(long.Parse(parts[2], CultureInfo.InvariantCulture)),
            });
        }
        return items;
    }
}
