using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Events;

/// <summary>
/// <see cref="IServiceEvents"/> on Table storage (table <c>events</c>): PartitionKey = authority | service, RowKey =
/// kind | a deterministic id (the incident id; the household, action and date of a restriction request), so the same
/// question asked twice is kept once — the first record of a decision is kept. The <see cref="StoredServiceEvent"/>'s
/// properties are the row's columns (<see cref="RecordColumns{T}"/>); where it is stored and when are read back.
/// </summary>
public sealed class ServiceEventStore(TableServiceClient service) : IServiceEvents
{
    private static readonly RecordColumns<StoredServiceEvent> Columns = new(nameof(StoredServiceEvent.Address), nameof(StoredServiceEvent.StoredAt));

    private readonly TableClient table = service.GetTableClient(TableNames.Events);

    /// <summary>Keeps a decision under its kind and id.</summary>
    public Task AddAsync(StoredServiceEvent serviceEvent, string id, CancellationToken cancellationToken) =>
        table.InsertMissingAsync([Columns.Row(serviceEvent, RowKeys.Join(serviceEvent.Authority, serviceEvent.Service), RowKeys.Join(serviceEvent.Kind, id))], cancellationToken);

    /// <summary>The decisions of <paramref name="unit"/>: its authority and service's, dated in its year (a range of one partition).</summary>
    public IAsyncEnumerable<StoredServiceEvent> UnitAsync(ReportUnit unit, CancellationToken cancellationToken) =>
        table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {RowKeys.Join(unit.Authority, unit.Service)} and Date ge {unit.YearText + "-01-01"} and Date le {unit.YearText + "-12-31"}"), cancellationToken: cancellationToken)
            .Select(Stored);

    /// <summary>Every kept decision.</summary>
    public IAsyncEnumerable<StoredServiceEvent> AllAsync(CancellationToken cancellationToken) =>
        table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).Select(Stored);

    private static StoredServiceEvent Stored(TableEntity row)
    {
        var serviceEvent = Columns.Record(row);
        serviceEvent.Address = [row.PartitionKey, row.RowKey];
        serviceEvent.StoredAt = row.Timestamp;
        return serviceEvent;
    }
}
