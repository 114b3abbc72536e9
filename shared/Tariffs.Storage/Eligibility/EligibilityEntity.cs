using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Eligibility;

/// <summary>
/// One eligibility window as stored: PartitionKey = program id, RowKey = household id | flag id, so that
/// a chunk of a batch reads a program's windows with one partition scan and a re-sent flag overwrites itself.
/// </summary>
public sealed class EligibilityEntity : StorageEntity
{
    public string HouseholdId { get; set; } = "";
    public string FlagId { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string DecisionDate { get; set; } = "";
    public string SourceAgency { get; set; } = "";
    public string EvidenceReference { get; set; } = "";
}
