namespace Tariffs.Domain.Reports;

/// <summary>
/// A stored figure of an <see cref="EquityCell"/>: its column name in the report tables and its typed accessors. The
/// storage adapter maps <see cref="ValueType"/> to a table type (int → Int32, long → Int64, bool → Boolean, string →
/// String, decimal → an invariant-culture String, as decimals do not round-trip in Table storage).
/// </summary>
public sealed class CellColumn
{
    private readonly Func<EquityCell, object> get;
    private readonly Func<EquityCell, object, EquityCell> set;

    private CellColumn(string name, Type valueType, Func<EquityCell, object> get, Func<EquityCell, object, EquityCell> set)
    {
        Name = name;
        ValueType = valueType;
        this.get = get;
        this.set = set;
    }

    /// <summary>The stored column (property) name; never to be renamed: existing tables hold it.</summary>
    public string Name { get; }

    /// <summary>The CLR type of the value: <see cref="int"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="string"/> or <see cref="decimal"/>.</summary>
    public Type ValueType { get; }

    /// <summary>A column of <typeparamref name="T"/> read by <paramref name="get"/> and set by <paramref name="set"/> (a <c>with</c> expression).</summary>
    public static CellColumn Of<T>(string name, Func<EquityCell, T> get, Func<EquityCell, T, EquityCell> set)
        where T : notnull
    {
        if (typeof(T) != typeof(int) && typeof(T) != typeof(long) && typeof(T) != typeof(bool) && typeof(T) != typeof(string) && typeof(T) != typeof(decimal))
            throw new ArgumentException($"A stored cell column is int, long, bool, string or decimal, not {typeof(T).Name}.", nameof(get));
        return new(name, typeof(T), c => get(c), (c, v) => set(c, (T)v));
    }

    /// <summary>The value of the column in <paramref name="cell"/>, of <see cref="ValueType"/>.</summary>
    public object Get(EquityCell cell) => get(cell);

    /// <summary><paramref name="cell"/> with the column set to <paramref name="value"/>, of <see cref="ValueType"/>.</summary>
    public EquityCell Set(EquityCell cell, object value) => set(cell, value);
}
