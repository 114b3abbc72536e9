using Azure.Data.Tables;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Reports;

/// <summary><see cref="IReportCells"/> on Table storage (table <c>reports</c>), replaced in entity group transactions on recompute.</summary>
public sealed class ReportStore(TableServiceClient service) : IReportCells
{
    private readonly TableClient table = service.GetTableClient(TableNames.Reports);

    /// <summary>Stores (replaces) the cells.</summary>
    public async Task SaveAsync(IEnumerable<EquityCell> cells, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        var entities = cells.Select(c => EquityCellMapping.ToEntity(c, computedAt));
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
            foreach (var chunk in partition.Chunk(IdempotentInserter.MaxTransactionSize))
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken)
                    .ConfigureAwait(false);
    }

    /// <summary>Stored cells, optionally of one service and period, in key order.</summary>
    public IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken) =>
        EquityCellMapping.QueryAsync(table, service, period, cancellationToken);
}
