using Azure.Data.Tables;
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

    /// <summary>Every kept decision.</summary>
    public IAsyncEnumerable<ServiceEventEntity> AllAsync(CancellationToken cancellationToken) =>
        table.QueryAsync<ServiceEventEntity>(cancellationToken: cancellationToken);
}
