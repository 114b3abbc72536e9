using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Facts;

/// <summary>
/// A stored statement of a household's facts (table <c>householdfacts</c>): PartitionKey = household id, RowKey =
/// facts id; the facts as their canonical text (<see cref="Application.Ports.FactsContent"/>), who sent them, the
/// evidence and when Tariffs first received them. Insert-only (see <see cref="HouseholdFactsStore"/>).
/// </summary>
public sealed class HouseholdFactsEntity : StorageEntity
{
    public string HouseholdId { get; set; } = "";
    public string FactsId { get; set; } = "";
    /// <summary>The facts' canonical JSON text.</summary>
    public string Facts { get; set; } = "";
    public string SourceAgency { get; set; } = "";
    public string EvidenceReference { get; set; } = "";
    /// <summary>When Tariffs first received them: decides which lines facts that take eligibility away affect (claw-back).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
