using Azure.Data.Tables;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Events;

/// <summary>Universal-service decisions (table <c>events</c>): the first record of a decision is kept.</summary>
public sealed class ServiceEventStore(TableServiceClient service)
{
    private readonly TableClient table = service.GetTableClient(TableNames.Events);

    /// <summary>Keeps a decision under its kind and id.</summary>
    public Task AddAsync(ServiceEventEntity entity, string id, CancellationToken cancellationToken)
    {
        entity.PartitionKey = RowKeys.Join(entity.Authority, entity.Service);
        entity.RowKey = RowKeys.Join(entity.Kind, id);
        return table.InsertMissingAsync([entity], cancellationToken);
    }

    /// <summary>The decisions of <paramref name="unit"/>: its authority and service's, dated in its year (a range of one partition).</summary>
    public IAsyncEnumerable<ServiceEventEntity> UnitAsync(ReportUnit unit, CancellationToken cancellationToken) =>
        table.QueryAsync<ServiceEventEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {RowKeys.Join(unit.Authority, unit.Service)} and Date ge {unit.YearText + "-01-01"} and Date le {unit.YearText + "-12-31"}"), cancellationToken: cancellationToken);

    /// <summary>Every kept decision.</summary>
    public IAsyncEnumerable<ServiceEventEntity> AllAsync(CancellationToken cancellationToken) =>
        table.QueryAsync<ServiceEventEntity>(cancellationToken: cancellationToken);
}
