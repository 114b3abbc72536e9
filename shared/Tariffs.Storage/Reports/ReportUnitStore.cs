using System.Net;
using Azure;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using NodaTime;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// One row per report unit (table <c>reportunits</c>, one partition, RowKey = authority | service | year): <c>Dirty</c>
/// when a row of the unit was written since its cells were last computed, <c>DueAt</c> when time alone changes them
/// (a period ends, a month's release comes). A writer marks a unit after writing its rows (an upsert, which changes
/// the row's ETag); a refresh clears the mark only if the ETag it read before reading the unit's rows is unchanged,
/// so a write racing the refresh leaves the unit dirty for the next one.
/// </summary>
public sealed class ReportUnitStore(TableServiceClient service) : IReportUnits
{
    private const string Partition = "unit";

    private readonly TableClient table = service.GetTableClient(TableNames.ReportUnits);

    /// <summary>Marks the units dirty (idempotent; each mark changes the unit's ETag). Returns the transactions submitted.</summary>
    public async Task<int> MarkDirtyAsync(IEnumerable<ReportUnit> units, CancellationToken cancellationToken)
    {
        var transactions = 0;
        foreach (var chunk in units.Distinct().Chunk(IdempotentInserter.MaxTransactionSize))
        {
            await table.SubmitTransactionAsync(chunk.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(Partition, Key(u))
            {
                ["Authority"] = u.Authority,
                ["Service"] = u.Service,
                ["Year"] = u.Year,
                ["Dirty"] = true,
            })), cancellationToken).ConfigureAwait(false);
            transactions++;
        }
        return transactions;
    }

    /// <summary>The units dirty or due by <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<ReportUnit>> DueAsync(Instant now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and (Dirty eq true or DueAt le {now.ToDateTimeOffset()})");
        var units = new List<ReportUnit>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Authority", "Service", "Year"], cancellationToken: cancellationToken).ConfigureAwait(false))
            units.Add(new ReportUnit(row.GetString("Authority") ?? "", row.GetString("Service") ?? "", row.GetInt32("Year") ?? 0));
        return units;
    }

    /// <summary>The unit's mark as it is now (to clear it later if unchanged), or null when the unit has none.</summary>
    public async Task<string?> ReadAsync(ReportUnit unit, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(unit), ["RowKey"], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.ETag.ToString() : null;
    }

    /// <summary>
    /// Records the unit computed from what was stored when its mark read <paramref name="read"/> (null: no mark then),
    /// due again at <paramref name="dueAt"/> (null: only when written to). False, changing nothing, when the unit was
    /// marked since: it stays dirty.
    /// </summary>
    public async Task<bool> CompleteAsync(ReportUnit unit, string? read, Instant? dueAt, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, Key(unit))
        {
            ["Authority"] = unit.Authority,
            ["Service"] = unit.Service,
            ["Year"] = unit.Year,
            ["Dirty"] = false,
        };
        if (dueAt is { } due)
            row["DueAt"] = due.ToDateTimeOffset();
        try
        {
            if (read is { } etag)
                await table.UpdateEntityAsync(row, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            else
                await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string Key(ReportUnit unit) => RowKeys.Join(unit.Authority, unit.Service, unit.YearText);
}
