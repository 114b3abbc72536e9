using System.Globalization;
using Azure.Data.Tables;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>Equity report cells (table <c>reports</c>), replaced in entity group transactions on recompute.</summary>
public sealed class ReportStore(TableServiceClient service)
{
    private readonly TableClient table = service.GetTableClient(TableNames.Reports);

    /// <summary>Stores (replaces) the cells.</summary>
    public async Task SaveAsync(IEnumerable<EquityCell> cells, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        var entities = cells.Select(c => ToEntity(c, computedAt));
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
            foreach (var chunk in partition.Chunk(IdempotentInserter.MaxTransactionSize))
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken)
                    .ConfigureAwait(false);
    }

    /// <summary>Stored cells, optionally of one service and period, in key order.</summary>
    public IAsyncEnumerable<EquityCellEntity> QueryAsync(string? service, string? period, CancellationToken cancellationToken)
    {
        string? filter = (service, period) switch
        {
            ({ } s, { } p) => TableClient.CreateQueryFilter($"PartitionKey eq {Partition(s, p)}"),
            ({ } s, null) => TableClient.CreateQueryFilter($"Service eq {s}"),
            (null, { } p) => TableClient.CreateQueryFilter($"Period eq {p}"),
            _ => null,
        };
        return table.QueryAsync<EquityCellEntity>(filter, cancellationToken: cancellationToken);
    }

    private static string Partition(string service, string period) => RowKeys.Join(service, period);

    private static EquityCellEntity ToEntity(EquityCell cell, DateTimeOffset computedAt) => new()
    {
        PartitionKey = Partition(cell.Key.Service, cell.Key.Period),
        RowKey = RowKeys.Join(cell.Key.Authority, cell.Key.Area),
        Period = cell.Key.Period,
        Service = cell.Key.Service,
        Authority = cell.Key.Authority,
        Area = cell.Key.Area,
        Currency = cell.Currency,
        Unit = cell.Unit,
        HouseholdsBilled = cell.HouseholdsBilled,
        HouseholdsEligible = cell.HouseholdsEligible,
        HouseholdsReceived = cell.HouseholdsReceived,
        BilledTotalMinor = cell.BilledTotalMinor,
        StandardTotalMinor = cell.StandardTotalMinor,
        AdjustmentsTotalMinor = cell.AdjustmentsTotalMinor,
        PaymentsTotalMinor = cell.PaymentsTotalMinor,
        CompensationTotalMinor = cell.CompensationTotalMinor,
        QuantityBilled = cell.QuantityBilled.ToString(CultureInfo.InvariantCulture),
        HouseholdsWithKnownIncome = cell.HouseholdsWithKnownIncome,
        HouseholdsAboveThresholdBefore = cell.HouseholdsAboveThresholdBefore,
        HouseholdsAboveThresholdAfter = cell.HouseholdsAboveThresholdAfter,
        OverchargeFindings = cell.OverchargeFindings,
        OverchargeTotalMinor = cell.OverchargeTotalMinor,
        BlockedRestrictions = cell.BlockedRestrictions,
        Suppressed = cell.Suppressed,
        Suppression = cell.Suppression.ToString(),
        Provisional = cell.Provisional,
        ComputedAt = computedAt,
    };
}
