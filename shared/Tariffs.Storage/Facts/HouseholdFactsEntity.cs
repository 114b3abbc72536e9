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

    /// <summary>The entity a row read as a <see cref="Azure.Data.Tables.TableEntity"/> holds (from an export); a missing text column reads as empty.</summary>
    public static HouseholdFactsEntity FromRow(Azure.Data.Tables.TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        HouseholdId = row.GetString(nameof(HouseholdId)) ?? "",
        FactsId = row.GetString(nameof(FactsId)) ?? "",
        Facts = row.GetString(nameof(Facts)) ?? "",
        SourceAgency = row.GetString(nameof(SourceAgency)) ?? "",
        EvidenceReference = row.GetString(nameof(EvidenceReference)) ?? "",
        ReceivedAt = row.GetDateTimeOffset(nameof(ReceivedAt)) ?? default,
    };
}
