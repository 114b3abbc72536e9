using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// A priced billing line in the ledger: PartitionKey = the household's bucket, RowKey = household | batch | line
/// (see <see cref="LedgerStore"/>), so its adjustments (RowKey = line key | …) sort right after it. Holds the line's
/// facts (to recompute it when eligibility arrives late) and its standard bill in minor units.
/// </summary>
public sealed class LineEntity : StorageEntity
{
    public string Kind { get; set; } = LedgerKinds.Line;
    public string BatchId { get; set; } = "";
    public int LineNumber { get; set; }
    public string Operator { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Service { get; set; } = "";
    public string Currency { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Area { get; set; } = "";
    public bool MainResidence { get; set; }
    public int Persons { get; set; }
    public string PeriodFrom { get; set; } = "";
    public string PeriodTo { get; set; } = "";
    /// <summary>Consumption as an invariant decimal string (decimals do not round-trip in Table storage).</summary>
    public string Quantity { get; set; } = "";
    public string Unit { get; set; } = "";
    public string TariffCode { get; set; } = "";
    public long BilledMinor { get; set; }
    public long StandardBillMinor { get; set; }
    public bool Eligible { get; set; }
    /// <summary>What the operator billed above the uniform tariff plus its tolerance, in minor units; 0 when nothing.</summary>
    public long OverchargeMinor { get; set; }
    /// <summary>The household's annual income known when the line was priced, in minor units; null when unknown.</summary>
    public long? AnnualIncomeMinor { get; set; }
    /// <summary>Rules of programs the household is eligible for that did not apply, and why ("; "-separated).</summary>
    public string Notes { get; set; } = "";
    /// <summary>When the line was first priced: revocations without claw-back received later leave it alone.</summary>
    public DateTimeOffset PricedAt { get; set; }
    /// <summary>How the household was eligible per program when the line was priced (<see cref="EligibilityBasisText"/>); null on rows stored before it was recorded.</summary>
    public string? EligibilityBasis { get; set; }
}
