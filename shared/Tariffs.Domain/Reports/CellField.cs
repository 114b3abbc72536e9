namespace Tariffs.Domain.Reports;

/// <summary>
/// One field of a report cell, declared once in <see cref="EquityCellFields"/>: its API name (JSON field and CSV
/// column), its type and format, its description in English and French (the data dictionary), when it is withheld,
/// how its published value follows from a <see cref="CellReading"/> (null for a stored-only figure), and its stored
/// column (null for a derived or read-time value). The factories pair each <see cref="CellFieldType"/> with one CLR type.
/// </summary>
public sealed record CellField
{
    private CellField(string name, CellFieldType type, CellFieldVisibility visibility, Func<CellReading, object?>? published, string english, string french)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        ArgumentException.ThrowIfNullOrWhiteSpace(french);
        Name = name;
        Type = type;
        Visibility = visibility;
        Published = published;
        English = english;
        French = french;
        Format = type switch
        {
            CellFieldType.Amount => "major unit of currency, its decimals",
            CellFieldType.AmountPerUnit => "major unit of currency per unit, 4 decimals",
            CellFieldType.Ratio => "0 to 1, 4 decimals",
            CellFieldType.Quantity => "unit",
            CellFieldType.Timestamp => "ISO 8601 date-time",
            _ => "",
        };
    }

    /// <summary>The JSON field and CSV column name (camelCase); the API's, never to be renamed.</summary>
    public string Name { get; }

    /// <summary>What the field holds, hence its CLR and JSON types.</summary>
    public CellFieldType Type { get; }

    /// <summary>When the field is withheld; anything but <see cref="CellFieldVisibility.Always"/> is nullable.</summary>
    public CellFieldVisibility Visibility { get; }

    /// <summary>The unwithheld published value (of the CLR type of <see cref="Type"/>, or null); null for a field that is stored only.</summary>
    public Func<CellReading, object?>? Published { get; }

    /// <summary>The definition in English.</summary>
    public string English { get; }

    /// <summary>The definition in French.</summary>
    public string French { get; }

    /// <summary>Unit and format of the published value ("" for text, flags and counts).</summary>
    public string Format { get; init; }

    /// <summary>The values a text field takes, when they are a closed list; else null.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The stored column of the figure in the report tables; null when nothing is stored for it.</summary>
    public CellColumn? Column { get; init; }

    /// <summary>True when the field may be withheld in a published row (its JSON type is nullable).</summary>
    public bool Nullable => Visibility != CellFieldVisibility.Always;

    /// <summary>A string field.</summary>
    public static CellField Text(string name, CellFieldVisibility visibility, Func<CellReading, string?> value, string english, string french) =>
        new(name, CellFieldType.Text, visibility, value, english, french);

    /// <summary>A boolean field, never withheld.</summary>
    public static CellField Flag(string name, Func<CellReading, bool> value, string english, string french) =>
        new(name, CellFieldType.Flag, CellFieldVisibility.Always, r => value(r), english, french);

    /// <summary>A count; <paramref name="value"/> null for a count that is stored only.</summary>
    public static CellField Count(string name, CellFieldVisibility visibility, Func<CellReading, int?>? value, string english, string french) =>
        new(name, CellFieldType.Count, visibility, value is null ? null : r => value(r), english, french);

    /// <summary>An amount in the major unit of the cell's currency.</summary>
    public static CellField Amount(string name, CellFieldVisibility visibility, Func<CellReading, decimal?> value, string english, string french) =>
        new(name, CellFieldType.Amount, visibility, r => value(r), english, french);

    /// <summary>A quantity in the cell's unit.</summary>
    public static CellField Quantity(string name, CellFieldVisibility visibility, Func<CellReading, decimal?> value, string english, string french) =>
        new(name, CellFieldType.Quantity, visibility, r => value(r), english, french);

    /// <summary>A ratio between 0 and 1.</summary>
    public static CellField Ratio(string name, CellFieldVisibility visibility, Func<CellReading, double?> value, string english, string french) =>
        new(name, CellFieldType.Ratio, visibility, r => value(r), english, french);

    /// <summary>An amount per unit of quantity.</summary>
    public static CellField AmountPerUnit(string name, CellFieldVisibility visibility, Func<CellReading, decimal?> value, string english, string french) =>
        new(name, CellFieldType.AmountPerUnit, visibility, r => value(r), english, french);

    /// <summary>An instant, never withheld.</summary>
    public static CellField Timestamp(string name, Func<CellReading, DateTimeOffset> value, string english, string french) =>
        new(name, CellFieldType.Timestamp, CellFieldVisibility.Always, r => value(r), english, french);
}
