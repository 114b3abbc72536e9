using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Events;

/// <summary>
/// The row of a <see cref="StoredServiceEvent"/> (table <c>events</c>): PartitionKey = authority |
/// service, RowKey = kind | a deterministic id (the incident id; the household, action and date of a
/// restriction request), so the same question asked twice is kept once.
/// </summary>
public sealed class ServiceEventEntity : StorageEntity
{
    public string Kind { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Service { get; set; } = "";
    public string Area { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string Date { get; set; } = "";
    public string Currency { get; set; } = "";
    public long CompensationMinor { get; set; }
    /// <summary>For a restriction request: allowed, blocked or allowedWithLimit.</summary>
    public string Verdict { get; set; } = "";
    public string RuleId { get; set; } = "";
    public string LegalReference { get; set; } = "";
}
