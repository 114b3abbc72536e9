using Azure.Data.Tables;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// <see cref="IPublicReportCells"/> on Table storage: the public report, released once and frozen: the cutoff of each released month (table <c>releases</c>) and the
/// released cells (table <c>publicreports</c>). Both are only ever inserted: a run that finds a month or a cell
/// released already (a concurrent run) fails with a conflict and changes nothing released.
/// </summary>
public sealed class PublicReportStore(TableServiceClient service) : IPublicReportCells
{
    private readonly TableClient releases = service.GetTableClient(TableNames.Releases);
    private readonly TableClient cells = service.GetTableClient(TableNames.PublicReports);

    /// <summary>Every released month with its cutoff.</summary>
    public async Task<IReadOnlyDictionary<ReleasedMonth, Instant>> ReleasedMonthsAsync(CancellationToken cancellationToken)
    {
        var months = new Dictionary<ReleasedMonth, Instant>();
        await foreach (var month in releases.QueryAsync<ReleasedMonthEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            months[new ReleasedMonth(month.Service, month.Authority, month.Month)] = Instant.FromDateTimeOffset(month.Cutoff);
        return months;
    }

    /// <summary>The released months of <paramref name="unit"/> with their cutoffs (a range of one partition).</summary>
    public async Task<IReadOnlyDictionary<ReleasedMonth, Instant>> ReleasedMonthsAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        var months = new Dictionary<ReleasedMonth, Instant>();
        var prefix = RowKeys.Join(unit.YearText);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RowKeys.Join(unit.Service, unit.Authority)} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var month in releases.QueryAsync<ReleasedMonthEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            months[new ReleasedMonth(month.Service, month.Authority, month.Month)] = Instant.FromDateTimeOffset(month.Cutoff);
        return months;
    }

    /// <summary>Inserts newly released months; to be stored before the cells released with them.</summary>
    public Task AddMonthsAsync(IReadOnlyDictionary<ReleasedMonth, Instant> months, CancellationToken cancellationToken) =>
        InsertAsync(releases, months.Select(m => new ReleasedMonthEntity
        {
            PartitionKey = RowKeys.Join(m.Key.Service, m.Key.Authority),
            RowKey = RowKeys.Join(m.Key.Month),
            Service = m.Key.Service,
            Authority = m.Key.Authority,
            Month = m.Key.Month,
            Cutoff = m.Value.ToDateTimeOffset(),
        }), cancellationToken);

    /// <summary>Every released cell.</summary>
    public async Task<IReadOnlyList<PublicCell>> ReleasedAsync(CancellationToken cancellationToken)
    {
        var released = new List<PublicCell>();
        await foreach (var entity in QueryAsync(null, null, cancellationToken).ConfigureAwait(false))
            released.Add(Released(entity));
        return released;
    }

    /// <summary>The released cells of <paramref name="unit"/>: one table of the public report (the year's partitions of its service, its authority's rows).</summary>
    public async Task<IReadOnlyList<PublicCell>> ReleasedAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        var released = new List<PublicCell>();
        var first = EquityCellMapping.Partition(unit.Service, unit.YearText);
        var authority = RowKeys.Join(unit.Authority) + RowKeys.Separator;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {first} and PartitionKey lt {first + "."} and RowKey gt {authority} and RowKey lt {authority[..^1] + "}"}");
        await foreach (var row in cells.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            released.Add(Released(EquityCellMapping.FromEntity(row)));
        return released;
    }

    /// <summary>Inserts newly released cells.</summary>
    public Task AddAsync(IEnumerable<PublicCell> released, CancellationToken cancellationToken) =>
        InsertAsync(cells, released.Select(EquityCellMapping.ToEntity), cancellationToken);

    /// <summary>Released cells, optionally of one service and period.</summary>
    public IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken) =>
        EquityCellMapping.QueryAsync(cells, service, period, cancellationToken);

    private static PublicCell Released(EquityCellEntity entity) =>
        new(entity.Cell, entity.Suppressed, entity.EligibilityHidden, entity.IncomeHidden, Instant.FromDateTimeOffset(entity.ComputedAt));

    private static async Task InsertAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
            foreach (var chunk in partition.Chunk(IdempotentInserter.MaxTransactionSize))
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                    .ConfigureAwait(false);
    }
}
