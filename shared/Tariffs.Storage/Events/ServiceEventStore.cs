using Azure.Data.Tables;
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

    /// <summary>Every kept decision.</summary>
    public async IAsyncEnumerable<StoredServiceEvent> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in table.QueryAsync<ServiceEventEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredServiceEvent
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
    }
}
