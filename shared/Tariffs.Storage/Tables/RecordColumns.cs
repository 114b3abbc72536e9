using System.Reflection;
using Azure.Data.Tables;

namespace Tariffs.Storage.Tables;

/// <summary>
/// A port's plain record stored as a table row, so that the record is the one declaration of what its row holds: each
/// public read-write property is a column of the same name and type (string, int, long, bool, DateTimeOffset and
/// DateTimeOffset?; a null is written as null), as the typed entity classes this replaces stored them, except the
/// properties the store keeps elsewhere (in the keys) or only reads back (its version, where it is stored). A column
/// missing from a row leaves the record's default. A property of another type must be excepted: a record that gains
/// one fails at start-up instead of storing it silently wrong.
/// </summary>
/// <typeparam name="T">The record: a class with a parameterless constructor and read-write properties.</typeparam>
public sealed class RecordColumns<T> where T : class, new()
{
    private static readonly HashSet<Type> Storable = [typeof(string), typeof(int), typeof(long), typeof(bool), typeof(DateTimeOffset), typeof(DateTimeOffset?)];

    private readonly PropertyInfo[] columns;

    /// <param name="except">The properties that are not columns.</param>
    public RecordColumns(params string[] except)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite).ToList();
        if (except.FirstOrDefault(name => properties.All(p => p.Name != name)) is { } unknown)
            throw new InvalidOperationException($"{typeof(T).Name} has no property {unknown} to leave out of its row.");
        columns = [.. properties.Where(p => !except.Contains(p.Name))];
        if (columns.FirstOrDefault(p => !Storable.Contains(p.PropertyType)) is { } other)
            throw new InvalidOperationException($"{typeof(T).Name}.{other.Name} is a {other.PropertyType.Name}, which is not a column type: store it in a column of its own or leave it out.");
    }

    /// <summary>The row holding <paramref name="record"/>'s columns under the keys given.</summary>
    public TableEntity Row(T record, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = new TableEntity(partitionKey, rowKey);
        foreach (var column in columns)
            row[column.Name] = column.GetValue(record);
        return row;
    }

    /// <summary>The record a row's columns hold (the excepted properties left at their defaults).</summary>
    public T Record(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new T();
        foreach (var column in columns)
        {
            object? value = column.PropertyType switch
            {
                var t when t == typeof(string) => row.GetString(column.Name),
                var t when t == typeof(int) => row.GetInt32(column.Name),
                var t when t == typeof(long) => row.GetInt64(column.Name),
                var t when t == typeof(bool) => row.GetBoolean(column.Name),
                _ => row.GetDateTimeOffset(column.Name),
            };
            if (value is not null)
                column.SetValue(record, value);
        }
        return record;
    }
}
