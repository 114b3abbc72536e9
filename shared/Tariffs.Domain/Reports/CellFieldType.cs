namespace Tariffs.Domain.Reports;

/// <summary>
/// What a field of a report cell holds, which fixes its CLR type and its JSON type: a published value of one type is
/// always of the same CLR type (<see cref="CellField"/>'s factories pair them).
/// </summary>
public enum CellFieldType
{
    /// <summary>A string (JSON string).</summary>
    Text,

    /// <summary>A boolean (JSON boolean).</summary>
    Flag,

    /// <summary>A count of households, lines or events: <see cref="int"/> (JSON integer).</summary>
    Count,

    /// <summary>An amount in the cell's currency, published in its major unit: <see cref="decimal"/> (JSON number).</summary>
    Amount,

    /// <summary>A quantity in the cell's unit: <see cref="decimal"/> (JSON number).</summary>
    Quantity,

    /// <summary>A ratio between 0 and 1, 4 decimals: <see cref="double"/> (JSON number).</summary>
    Ratio,

    /// <summary>An amount per unit of quantity, 4 decimals: <see cref="decimal"/> (JSON number).</summary>
    AmountPerUnit,

    /// <summary>An instant: <see cref="DateTimeOffset"/> (JSON string, date-time).</summary>
    Timestamp,
}
