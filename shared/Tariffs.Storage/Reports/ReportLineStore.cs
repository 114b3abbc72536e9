using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tariffs.Application.Ports;
using NodaTime;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// The equity report's projection of the ledger (table <c>reportlines</c>): one row per ledger line holding what
/// <see cref="LedgerLine.ToReportLine"/> derives from and when the line and each item reached the report, keyed by
/// report unit. PartitionKey = authority | service | year | the line's ledger partition (<see cref="LedgerKeys.PartitionOf"/>),
/// RowKey = the line's ledger key: a unit is <see cref="LedgerOptions.Partitions"/> range queries read side by side, and
/// a unit's writes spread over as many partitions as the ledger's (Table storage serves about 2,000 entities/s per
/// partition). A row is replaced whole (the line with every item it has), so writing it again is harmless.
/// Items are one column, <c>step:amount:stored-at ticks[:ways]</c> separated by ';' — only what the report derives from;
/// how the household was eligible is kept as <see cref="EligibilityWays"/> only (column <c>Basis</c> for the line as
/// priced, <c>ways</c> for a correction; absent: unknown), its programs are not projected.
/// Lines stored for the first time (<see cref="SaveNewAsync"/>: a chunk's) are packed instead, up to about 200 to a
/// row (RowKey = <see cref="PackPrefix"/> + its name, <see cref="ReportLineCodec.Pack"/>; column <c>Lines</c>):
/// a chunk writes a few rows per partition instead of one per line, and a unit of 100,000 lines is read in about
/// 500 rows. A line's own row, written by any later save, overrides its packed copy.
/// </summary>
public sealed class ReportLineStore(TableServiceClient service, IOptions<LedgerOptions> options) : IReportLines
{
    /// <summary>Partitions of a unit read at once.</summary>
    private const int Readers = 4;

    /// <summary>Partitions written at once.</summary>
    private const int Writers = 8;

    /// <summary>Start of the RowKey of a pack; a line key never starts with '|' (its household part is not empty).</summary>
    public const string PackPrefix = "|pack|";

    /// <summary>The first RowKey after every pack's.</summary>
    private const string PackEnd = "|pack}";

    /// <summary>
    /// Packs asked for per page: a pack holds about 200 lines (~40 KB), so a page is about 2 MB. Fewer, larger pages
    /// cost fewer queries (Azurite answers each by scanning the whole table, so a unit's refresh would cost it more as
    /// other units grow); four readers hold a page each.
    /// </summary>
    private const int PacksPerPage = 50;

    private readonly TableClient table = service.GetTableClient(TableNames.ReportLines);

    private readonly int partitions = options.Value.Partitions;

    /// <summary>The PartitionKey prefix of a unit's rows (the ledger partition follows).</summary>
    public static string UnitPrefix(ReportUnit unit) => RowKeys.Join(unit.Authority, unit.Service, unit.YearText);

    /// <summary>
    /// Stores (replaces) the projection of each line, its line and items stamped with their stored instant, or
    /// <paramref name="storedAt"/> where the line read does not know it (a line or correction just written). Returns
    /// the transactions submitted.
    /// </summary>
    public Task<int> SaveAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken) =>
        SubmitAsync(lines.Select(l => Encode(l, storedAt)), cancellationToken);

    /// <summary>
    /// Stores the projection of lines stored for the first time, packed by unit and ledger partition (a line too large
    /// for a pack gets its own row); a line saved later by <see cref="SaveAsync"/> is read from its own row. Returns
    /// the transactions submitted.
    /// </summary>
    public Task<int> SaveNewAsync(IEnumerable<LedgerLine> lines, Instant storedAt, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        foreach (var group in lines.GroupBy(l => PartitionKey(l)))
        {
            var (packs, alone) = ReportLineCodec.Pack(group, storedAt);
            var first = group.First();
            rows.AddRange(packs.Select(p => new TableEntity(group.Key, PackPrefix + p.Name)
            {
                ["Authority"] = first.Authority,
                ["Service"] = first.Service,
                ["Lines"] = p.Text,
            }));
            rows.AddRange(alone.Select(l => Encode(l, storedAt)));
        }
        return SubmitAsync(rows, cancellationToken);
    }

    private async Task<int> SubmitAsync(IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var partitions = rows.GroupBy(e => e.PartitionKey).ToList();
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
        return SideBySide.ReadAsync(Enumerable.Range(0, partitions).Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {prefix + LedgerKeys.Partition(p)}")), Readers,
            DecodeAsync, cancellationToken);
    }

    /// <summary>Every pack of the table (all units), with its ETag; a query across partitions, of keys only.</summary>
    public async Task<IReadOnlyList<StoredCopy>> CopiesAsync(CancellationToken cancellationToken)
    {
        var copies = new List<StoredCopy>();
        await foreach (var pack in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {PackPrefix} and RowKey lt {PackEnd}"),
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            copies.Add(new StoredCopy([pack.PartitionKey, pack.RowKey], pack.ETag.ToString()));
        return copies;
    }

    /// <summary>
    /// Deletes the packs if their ETag still matches, in transactions by partition; a transaction that fails (a pack
    /// saved again or already gone) is retried pack by pack, skipping those.
    /// </summary>
    public async Task<int> RemoveCopiesAsync(IReadOnlyCollection<StoredCopy> copies, CancellationToken cancellationToken)
    {
        var removed = 0;
        await Parallel.ForEachAsync(copies.GroupBy(c => c.Address[0]), new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken }, async (partition, token) =>
        {
            foreach (var chunk in partition.DistinctBy(c => c.Address[1]).Chunk(IdempotentInserter.MaxTransactionSize))
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.Delete,
                        new TableEntity(c.Address[0], c.Address[1]), new ETag(c.Version))), token).ConfigureAwait(false);
                    Interlocked.Add(ref removed, chunk.Length);
                }
                catch (TableTransactionFailedException)
                {
                    foreach (var copy in chunk)
                    {
                        try
                        {
                            var response = await table.DeleteEntityAsync(copy.Address[0], copy.Address[1], new ETag(copy.Version), token).ConfigureAwait(false);
                            if (response.Status != 404)
                                Interlocked.Increment(ref removed);
                        }
                        catch (RequestFailedException e) when (e.Status is 404 or 412)
                        {
                            // Gone, or saved again since: kept.
                        }
                    }
                }
            }
        }).ConfigureAwait(false);
        return removed;
    }

    /// <summary>
    /// The lines of one partition as they are read: first the lines' own rows, then the packs' lines but those with an
    /// own row (it overrides the packed copy) or already read from another pack (a rebuild packs lines a chunk packed).
    /// Holds the keys read, not the lines; pages of packs are kept to about 2 MB.
    /// </summary>
    private async IAsyncEnumerable<LedgerRead> DecodeAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var own = $"{partition} and ({TableClient.CreateQueryFilter($"RowKey lt {PackPrefix} or RowKey ge {PackEnd}")})";
        await foreach (var row in table.QueryAsync<TableEntity>(own, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            read.Add(row.RowKey);
            yield return Decode(row);
        }
        var packs = $"{partition} and {TableClient.CreateQueryFilter($"RowKey ge {PackPrefix} and RowKey lt {PackEnd}")}";
        await foreach (var pack in table.QueryAsync<TableEntity>(packs, PacksPerPage, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var line in ReportLineCodec.ReadPack(pack.GetString("Lines") ?? "", pack.GetString("Authority") ?? "", pack.GetString("Service") ?? "",
                [pack.PartitionKey, pack.RowKey], read))
            {
                if (line.Line is null || read.Add(line.Address[^1]))
                    yield return line;
            }
        }
    }

    private string PartitionKey(LedgerLine line) =>
        UnitPrefix(ReportUnit.Of(line.Authority, line.Service, line.Period.End)) + RowKeys.Separator + LedgerKeys.PartitionOf(line.HouseholdId, partitions);

    private TableEntity Encode(LedgerLine line, Instant storedAt)
    {
        return new TableEntity(PartitionKey(line), LedgerKeys.LineKey(line.Id))
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
            ["Basis"] = (int?)line.PricedBasis?.Ways,
            ["StoredAt"] = (line.StoredAt ?? storedAt).ToDateTimeOffset(),
            ["Items"] = ReportLineCodec.ItemsText(line, storedAt),
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
            var key = RowKeys.Split(row.RowKey);
            var line = ReportLineCodec.Line([householdId, key[1], key[2]], authority, service, row.GetString("Currency"), row.GetString("Area") ?? "",
                StoredDate.Parse(row.GetString("PeriodTo") ?? ""),
                row.GetString("Quantity") is { Length: > 0 } q ? decimal.Parse(q, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m,
                row.GetString("Unit") ?? "", row.GetInt64("BilledMinor") ?? 0, row.GetInt64("StandardBillMinor") ?? 0, row.GetBoolean("Eligible") ?? false,
                row.GetInt64("OverchargeMinor") ?? 0, row.GetInt64("AnnualIncomeMinor"), ReportLineCodec.Ways(row.GetInt32("Basis"), where),
                row.GetDateTimeOffset("StoredAt") is { } at ? Instant.FromDateTimeOffset(at) : null, row.GetString("Items"), where);
            return new LedgerRead([row.PartitionKey, row.RowKey], authority, service, householdId, line, null);
        }
        catch (Exception e) when (ReportLineCodec.IsUnreadable(e))
        {
            return new LedgerRead([row.PartitionKey, row.RowKey], authority, service, householdId, null, e);
        }
    }
}
