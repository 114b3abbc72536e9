using Azure.Data.Tables;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;
using System.Runtime.CompilerServices;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Events;

/// <summary><see cref="IServiceEvents"/> on Table storage (table <c>events</c>): the first record of a decision is kept.</summary>
public sealed class ServiceEventStore(TableServiceClient service) : IServiceEvents
{
    private readonly TableClient table = service.GetTableClient(TableNames.Events);

    /// <summary>Keeps a decision under its kind and id.</summary>
    public Task AddAsync(StoredServiceEvent serviceEvent, string id, CancellationToken cancellationToken) =>
        table.InsertMissingAsync([new ServiceEventEntity
        {
            PartitionKey = RowKeys.Join(serviceEvent.Authority, serviceEvent.Service),
            RowKey = RowKeys.Join(serviceEvent.Kind, id),
            Kind = serviceEvent.Kind,
            Authority = serviceEvent.Authority,
            Service = serviceEvent.Service,
            Area = serviceEvent.Area,
            HouseholdId = serviceEvent.HouseholdId,
            Date = serviceEvent.Date,
            Currency = serviceEvent.Currency,
            CompensationMinor = serviceEvent.CompensationMinor,
            Verdict = serviceEvent.Verdict,
            RuleId = serviceEvent.RuleId,
            LegalReference = serviceEvent.LegalReference,
        }], cancellationToken);

    /// <summary>The decisions of <paramref name="unit"/>: its authority and service's, dated in its year (a range of one partition).</summary>
    public IAsyncEnumerable<StoredServiceEvent> UnitAsync(ReportUnit unit, CancellationToken cancellationToken) =>
        table.QueryAsync<ServiceEventEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {RowKeys.Join(unit.Authority, unit.Service)} and Date ge {unit.YearText + "-01-01"} and Date le {unit.YearText + "-12-31"}"), cancellationToken: cancellationToken)
            .Select(Stored);

    /// <summary>Every kept decision.</summary>
    public IAsyncEnumerable<StoredServiceEvent> AllAsync(CancellationToken cancellationToken) =>
        table.QueryAsync<ServiceEventEntity>(cancellationToken: cancellationToken).Select(Stored);

    private static StoredServiceEvent Stored(ServiceEventEntity e) => new()
    {
        Kind = e.Kind,
        Authority = e.Authority,
        Service = e.Service,
        Area = e.Area,
        HouseholdId = e.HouseholdId,
        Date = e.Date,
        Currency = e.Currency,
        CompensationMinor = e.CompensationMinor,
        Verdict = e.Verdict,
        RuleId = e.RuleId,
        LegalReference = e.LegalReference,
        Address = [e.PartitionKey, e.RowKey],
        StoredAt = e.Timestamp,
    };
}
