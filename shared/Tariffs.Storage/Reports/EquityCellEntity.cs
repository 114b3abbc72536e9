using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// One stored report cell: PartitionKey = service | period, RowKey = authority | area ("*" for the
/// authority's total). Recomputed reports replace their cells.
/// </summary>
public sealed class EquityCellEntity : StorageEntity
{
    public string Period { get; set; } = "";
    public string Service { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Area { get; set; } = "";
    public string Currency { get; set; } = "";
    public int HouseholdsBilled { get; set; }
    public int HouseholdsEligible { get; set; }
    public int HouseholdsReceived { get; set; }
    public long BilledTotalMinor { get; set; }
    public long StandardTotalMinor { get; set; }
    public long AdjustmentsTotalMinor { get; set; }
    public long PaymentsTotalMinor { get; set; }
    public bool Suppressed { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
