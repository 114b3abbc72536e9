namespace Tariffs.Application.Ports;

/// <summary>
/// A universal-service decision kept for audit and reports: a compensation of an incident, or a restriction request's
/// verdict. When read back, <see cref="Address"/> says where it is stored (opaque) and <see cref="StoredAt"/> when.
/// </summary>
public sealed class StoredServiceEvent
{
    public const string CompensationKind = "compensation";
    public const string RestrictionKind = "restriction";

    public string Kind { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Service { get; set; } = "";
    public string Area { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    /// <summary>The day of the decision, yyyy-MM-dd (<see cref="StoredDate"/>), as stored.</summary>
    public string Date { get; set; } = "";
    public string Currency { get; set; } = "";
    public long CompensationMinor { get; set; }
    /// <summary>For a restriction request: allowed, blocked or allowedWithLimit.</summary>
    public string Verdict { get; set; } = "";
    public string RuleId { get; set; } = "";
    public string LegalReference { get; set; } = "";

    /// <summary>Where the event is stored (read back only; empty before).</summary>
    public IReadOnlyList<string> Address { get; set; } = [];

    /// <summary>When the event was stored (read back only; null before, or when unknown).</summary>
    public DateTimeOffset? StoredAt { get; set; }
}
