using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// One released month of the public report (table <c>releases</c>): PartitionKey = service | authority, RowKey = the
/// month ("2022-01"). The public report counts a row of that month only if it was stored before <see cref="Cutoff"/>.
/// </summary>
public sealed class ReleasedMonthEntity : StorageEntity
{
    public string Service { get; set; } = "";
    public string Authority { get; set; } = "";
    public string Month { get; set; } = "";
    public DateTimeOffset Cutoff { get; set; }
}
