using NodaTime;
using Tariffs.Domain.Money;

namespace Tariffs.Domain.Reports;

/// <summary>
/// A stored cell as one reader sees it: its figures, the currency they are published in, when it was computed or
/// released, what this reader may not see, and D102.0 priced when it was read (<see cref="SispeaD102"/>). The values
/// of its published fields follow from it (<see cref="ValueOf"/>).
/// </summary>
/// <param name="Cell">The stored figures, in minor units.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="ComputedAt">When the cell was computed (regulator's view) or released (public view).</param>
public sealed record CellReading(EquityCell Cell, Currency Currency, Instant ComputedAt)
{
    /// <summary>The published "suppressed" flag: the cell is withheld from public output.</summary>
    public bool Suppressed { get; init; }

    /// <summary>Every figure is withheld (a suppressed cell in the public view).</summary>
    public bool Hidden { get; init; }

    /// <summary>The eligibility group is withheld.</summary>
    public bool EligibilityHidden { get; init; }

    /// <summary>The income group is withheld.</summary>
    public bool IncomeHidden { get; init; }

    /// <summary>The reader is the regulator: the reason of a suppression is shown.</summary>
    public bool ShowsReason { get; init; }

    /// <summary>SISPEA D102.0 in the currency's major unit, unrounded, or null where it is not defined.</summary>
    public decimal? D102PriceOf120M3 { get; init; }

    /// <summary>The value of <paramref name="field"/> for this reader: null when withheld or not defined, else of the CLR type of its <see cref="CellField.Type"/>.</summary>
    public object? ValueOf(CellField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var withheld = field.Visibility switch
        {
            CellFieldVisibility.Always => false,
            CellFieldVisibility.Figure => Hidden,
            CellFieldVisibility.EligibilityGroup => Hidden || EligibilityHidden,
            CellFieldVisibility.IncomeGroup => Hidden || IncomeHidden,
            CellFieldVisibility.RegulatorOnly => !ShowsReason,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Visibility, null),
        };
        return withheld || field.Published is not { } value ? null : value(this);
    }

    /// <summary>An amount of minor units in the major unit, with the currency's decimals (3788.10).</summary>
    public decimal Major(long minor) => Currency.FromMinorUnits(minor);

    /// <summary>An unrounded amount of minor units in the major unit, rounded to the minor unit (half away from zero); null stays null.</summary>
    public decimal? Major(decimal? minor) => minor is { } m ? Currency.Round(m / MinorPerMajor) : null;

    /// <summary>An unrounded amount per unit of quantity, in minor units, in the major unit with 4 decimals (half away from zero).</summary>
    public decimal? MajorPerUnit(decimal? minor) => minor is { } m ? Math.Round(m / MinorPerMajor, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>A ratio with 4 decimals; null stays null.</summary>
    public static double? Ratio(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private decimal MinorPerMajor => 1m / Currency.FromMinorUnits(1);
}
