using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// One append-only adjustment in the ledger: PartitionKey = its line's, RowKey = line key | rule id | correction
/// (4 digits, 0000 for the original), so it sorts right after its line. Amount in minor units, negative when it lowers the bill. The
/// explanation is the JSON of the segment terms that produced it.
/// </summary>
public sealed class AdjustmentEntity : StorageEntity
{
    public string Kind { get; set; } = LedgerKinds.Adjustment;
    public string BatchId { get; set; } = "";
    public int LineNumber { get; set; }
    public string HouseholdId { get; set; } = "";
    public string RuleId { get; set; } = "";
    public string ProgramId { get; set; } = "";
    public string Step { get; set; } = "";
    public string RuleVersions { get; set; } = "";
    public string LegalReferences { get; set; } = "";
    public string CoversFrom { get; set; } = "";
    public string CoversTo { get; set; } = "";
    public string Currency { get; set; } = "";
    public long AmountMinor { get; set; }
    public int Correction { get; set; }
    public string Explanation { get; set; } = "";
    /// <summary>For a correction: what it corrects (stored total before, recomputed total); empty otherwise.</summary>
    public string Note { get; set; } = "";
    /// <summary>For a correction: how the household is eligible per program once it is posted (<see cref="EligibilityBasisText"/>); null for an original and on rows stored before it was recorded.</summary>
    public string? EligibilityBasis { get; set; }
}
