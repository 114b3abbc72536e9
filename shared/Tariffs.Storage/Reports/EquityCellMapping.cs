using System.Globalization;
using Azure.Data.Tables;
using Tariffs.Application.Ports;
using Tariffs.Domain.Reports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// Encodes report cells as table entities and decodes them, for both report tables, and builds the queries they
/// share. Besides the key columns (Period, Service, Authority, Area) and the row's statuses (Suppressed,
/// EligibilityHidden, IncomeHidden, ComputedAt), a row holds one column per <see cref="EquityCellFields.Columns"/>,
/// named and typed as declared there: int → Int32, long → Int64, bool → Boolean, string → String, decimal → an
/// invariant-culture String (decimals do not round-trip in Table storage). A column missing from an older row reads
/// as zero, false or "" (a decimal as 0; an unknown suppression reason as <see cref="SuppressionReason.None"/>).
/// </summary>
public static class EquityCellMapping
{
    /// <summary>The PartitionKey of a cell: service | period.</summary>
    public static string Partition(string service, string period) => RowKeys.Join(service, period);

    /// <summary>The filter of the cells of an optional service and period; null for every cell.</summary>
    public static string? Filter(string? service, string? period) => (service, period) switch
    {
        ({ } s, { } p) => TableClient.CreateQueryFilter($"PartitionKey eq {Partition(s, p)}"),
        ({ } s, null) => TableClient.CreateQueryFilter($"Service eq {s}"),
        (null, { } p) => TableClient.CreateQueryFilter($"Period eq {p}"),
        _ => null,
    };

    /// <summary>The stored cells of <paramref name="table"/>, optionally of one service and period, decoded.</summary>
    public static async IAsyncEnumerable<EquityCellEntity> QueryAsync(TableClient table, string? service, string? period,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var entity in table.QueryAsync<TableEntity>(Filter(service, period), cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return FromEntity(entity);
    }

    /// <summary>The entity of <paramref name="cell"/>, stamped <paramref name="computedAt"/>; <c>Suppressed</c> is the cell's, no group hidden.</summary>
    public static TableEntity ToEntity(EquityCell cell, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var entity = new TableEntity(Partition(cell.Key.Service, cell.Key.Period), RowKeys.Join(cell.Key.Authority, cell.Key.Area))
        {
            ["Period"] = cell.Key.Period,
            ["Service"] = cell.Key.Service,
            ["Authority"] = cell.Key.Authority,
            ["Area"] = cell.Key.Area,
            ["Suppressed"] = cell.Suppressed,
            ["EligibilityHidden"] = false,
            ["IncomeHidden"] = false,
            ["ComputedAt"] = computedAt,
        };
        foreach (var column in EquityCellFields.Columns)
            entity[column.Name] = column.Get(cell) is decimal d ? d.ToString(CultureInfo.InvariantCulture) : column.Get(cell);
        return entity;
    }

    /// <summary>The entity of a released cell: its figures, stamped when it was released, with what it withholds.</summary>
    public static TableEntity ToEntity(PublicCell released)
    {
        ArgumentNullException.ThrowIfNull(released);
        var entity = ToEntity(released.Cell, released.ReleasedAt.ToDateTimeOffset());
        entity["Suppressed"] = released.Hidden;
        entity["EligibilityHidden"] = released.EligibilityHidden;
        entity["IncomeHidden"] = released.IncomeHidden;
        return entity;
    }

    /// <summary>The stored cell an entity holds.</summary>
    public static EquityCellEntity FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var cell = new EquityCell
        {
            Key = new EquityCellKey(Text(entity, "Period"), Text(entity, "Service"), Text(entity, "Authority"), Text(entity, "Area")),
            Currency = "",
        };
        foreach (var column in EquityCellFields.Columns)
            cell = column.Set(cell, Decode(entity, column));
        return new EquityCellEntity
        {
            Cell = cell,
            Suppressed = entity.GetBoolean("Suppressed") ?? false,
            EligibilityHidden = entity.GetBoolean("EligibilityHidden") ?? false,
            IncomeHidden = entity.GetBoolean("IncomeHidden") ?? false,
            ComputedAt = entity.GetDateTimeOffset("ComputedAt") ?? default,
        };
    }

    private static object Decode(TableEntity entity, CellColumn column) => column.ValueType switch
    {
        var t when t == typeof(int) => entity.GetInt32(column.Name) ?? 0,
        var t when t == typeof(long) => entity.GetInt64(column.Name) ?? 0L,
        var t when t == typeof(bool) => entity.GetBoolean(column.Name) ?? false,
        var t when t == typeof(string) => Text(entity, column.Name),
        var t when t == typeof(decimal) => decimal.TryParse(entity.GetString(column.Name), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : 0m,
        var t => throw new InvalidOperationException($"A stored cell column of {t.Name} has no table type."),
    };

    private static string Text(TableEntity entity, string name) => entity.GetString(name) ?? "";
}
