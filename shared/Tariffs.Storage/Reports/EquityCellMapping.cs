using System.Globalization;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>Maps report cells to their stored entities and back, and builds the queries both report tables share.</summary>
public static class EquityCellMapping
{
    /// <summary>The PartitionKey of a cell: service | period.</summary>
    public static string Partition(string service, string period) => RowKeys.Join(service, period);

    /// <summary>The filter of the cells of an optional service and period; null for every cell.</summary>
    public static string? Filter(string? service, string? period) => (service, period) switch
    {
        ({ } s, { } p) => Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {Partition(s, p)}"),
        ({ } s, null) => Azure.Data.Tables.TableClient.CreateQueryFilter($"Service eq {s}"),
        (null, { } p) => Azure.Data.Tables.TableClient.CreateQueryFilter($"Period eq {p}"),
        _ => null,
    };

    /// <summary>The entity of <paramref name="cell"/>, stamped <paramref name="computedAt"/>.</summary>
    public static EquityCellEntity ToEntity(EquityCell cell, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new()
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

    /// <summary>The cell an entity stores (an unknown suppression reason reads as <see cref="SuppressionReason.None"/>).</summary>
    public static EquityCell ToCell(EquityCellEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new()
        {
            Key = new EquityCellKey(entity.Period, entity.Service, entity.Authority, entity.Area),
            Currency = entity.Currency,
            Unit = entity.Unit,
            HouseholdsBilled = entity.HouseholdsBilled,
            HouseholdsEligible = entity.HouseholdsEligible,
            HouseholdsReceived = entity.HouseholdsReceived,
            BilledTotalMinor = entity.BilledTotalMinor,
            StandardTotalMinor = entity.StandardTotalMinor,
            AdjustmentsTotalMinor = entity.AdjustmentsTotalMinor,
            PaymentsTotalMinor = entity.PaymentsTotalMinor,
            CompensationTotalMinor = entity.CompensationTotalMinor,
            QuantityBilled = decimal.TryParse(entity.QuantityBilled, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : 0m,
            HouseholdsWithKnownIncome = entity.HouseholdsWithKnownIncome,
            HouseholdsAboveThresholdBefore = entity.HouseholdsAboveThresholdBefore,
            HouseholdsAboveThresholdAfter = entity.HouseholdsAboveThresholdAfter,
            OverchargeFindings = entity.OverchargeFindings,
            OverchargeTotalMinor = entity.OverchargeTotalMinor,
            BlockedRestrictions = entity.BlockedRestrictions,
            Suppression = Enum.TryParse<SuppressionReason>(entity.Suppression, out var reason) ? reason : SuppressionReason.None,
            Provisional = entity.Provisional,
        };
    }
}
