using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// One stored report cell: PartitionKey = service | period ("2022", "2022-Q1", "2022-01"), RowKey = authority |
/// area ("*" for the authority's total). Recomputed reports replace their cells. Amounts in minor units; the
/// quantity as an invariant decimal string (decimals do not round-trip in Table storage); <see cref="Suppression"/>
/// holds the reason (None, TooFewHouseholds, Dominance, Complementary), which is never published. The same shape
/// holds a frozen public cell (table <c>publicreports</c>): there <see cref="ComputedAt"/> is when it was released and
/// <see cref="EligibilityHidden"/> and <see cref="IncomeHidden"/> withhold a group of its figures.
/// </summary>
public sealed class EquityCellEntity : StorageEntity
{
    public string Period { get; set; } = "";
    public string Service { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Area { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Unit { get; set; } = "";
    public int HouseholdsBilled { get; set; }
    public int HouseholdsEligible { get; set; }
    public int HouseholdsReceived { get; set; }
    public long BilledTotalMinor { get; set; }
    public long StandardTotalMinor { get; set; }
    public long AdjustmentsTotalMinor { get; set; }
    public long PaymentsTotalMinor { get; set; }
    public long CompensationTotalMinor { get; set; }
    public string QuantityBilled { get; set; } = "0";
    public int HouseholdsWithKnownIncome { get; set; }
    public int HouseholdsAboveThresholdBefore { get; set; }
    public int HouseholdsAboveThresholdAfter { get; set; }
    public int OverchargeFindings { get; set; }
    public long OverchargeTotalMinor { get; set; }
    public int BlockedRestrictions { get; set; }
    public bool Suppressed { get; set; }
    public string Suppression { get; set; } = "";
    public bool Provisional { get; set; }
    public bool EligibilityHidden { get; set; }
    public bool IncomeHidden { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
