using System.Globalization;
using Azure.Data.Tables;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.AccessLog;

/// <summary>
/// The append-only access log (table <c>accesslog</c>): one partition per UTC day, so a day is read with one
/// partition query; entries are inserted, never updated or deleted.
/// </summary>
public sealed class AccessLogStore(TableServiceClient service) : IAccessLogAppender
{
    private readonly TableClient table = service.GetTableClient(TableNames.AccessLog);

    /// <summary>The partition of a UTC day.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Appends an entry at <see cref="AccessLogEntity.At"/>; its keys are set here.</summary>
    public Task AppendAsync(AccessLogEntity entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = entry.At.ToUniversalTime();
        entry.PartitionKey = Day(DateOnly.FromDateTime(at.UtcDateTime));
        entry.RowKey = at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        return table.AddEntityAsync(entry, cancellationToken);
    }

    /// <summary>Every entry of a UTC day, oldest first.</summary>
    public IAsyncEnumerable<AccessLogEntity> ReadDayAsync(DateOnly day, CancellationToken cancellationToken) =>
        table.QueryAsync<AccessLogEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Day(day)}"), cancellationToken: cancellationToken);
}
