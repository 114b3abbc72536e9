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
            released.Add(new PublicCell(entity.Cell, entity.Suppressed, entity.EligibilityHidden, entity.IncomeHidden, Instant.FromDateTimeOffset(entity.ComputedAt)));
        return released;
    }

    /// <summary>Inserts newly released cells.</summary>
    public Task AddAsync(IEnumerable<PublicCell> released, CancellationToken cancellationToken) =>
        InsertAsync(cells, released.Select(EquityCellMapping.ToEntity), cancellationToken);

    /// <summary>Released cells, optionally of one service and period.</summary>
    public IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken) =>
        EquityCellMapping.QueryAsync(cells, service, period, cancellationToken);

    private static async Task InsertAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
            foreach (var chunk in partition.Chunk(IdempotentInserter.MaxTransactionSize))
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken)
                    .ConfigureAwait(false);
    }
}
