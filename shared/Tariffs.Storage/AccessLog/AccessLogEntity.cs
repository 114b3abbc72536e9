using System.Text.Json;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.AccessLog;

/// <summary>
/// One entry of the access log (table <c>accesslog</c>): PartitionKey = the UTC day (<c>yyyy-MM-dd</c>), RowKey =
/// the instant's ticks (19 digits) and a random id, so entries of a day sort by time and two appends never collide.
/// </summary>
public sealed class AccessLogEntity : StorageEntity
{
    /// <summary>Who: the key name in the local host, the principal id (object or client id) in Azure.</summary>
    public string Caller { get; set; } = "";
    /// <summary>The caller's roles, comma-separated.</summary>
    public string Roles { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>The route as requested (path).</summary>
    public string Route { get; set; } = "";
    /// <summary>The object: a batch id, a household id, a flag's household, a report filter; empty when none.</summary>
    public string Object { get; set; } = "";
    /// <summary><c>allowed</c> or <c>denied</c>.</summary>
    public string Outcome { get; set; } = "";
    public int Status { get; set; }
    /// <summary>Why the request was denied; empty when allowed.</summary>
    public string Reason { get; set; } = "";
    /// <summary>The authorities whose data the request concerned, a JSON array (<see cref="JoinAuthorities"/>); empty when none is known.</summary>
    public string Authorities { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>Distinct non-empty authorities in ordinal order, as stored in <see cref="Authorities"/>.</summary>
    public static string JoinAuthorities(IEnumerable<string> authorities)
    {
        var list = authorities.Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : JsonSerializer.Serialize(list);
    }

    /// <summary>The authorities of <see cref="Authorities"/>.</summary>
    public IReadOnlyList<string> AuthorityList() =>
        Authorities.Length == 0 ? [] : JsonSerializer.Deserialize<List<string>>(Authorities) ?? [];
}
