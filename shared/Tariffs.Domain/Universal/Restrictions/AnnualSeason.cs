using NodaTime;

namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// A part of every year from one day to another, both inclusive, possibly across the new year (the French
/// winter truce: 1 November – 31 March; the UK winter: 1 October – 31 March).
/// </summary>
public sealed record AnnualSeason(AnnualDate From, AnnualDate To)
{
    /// <summary>True when the date falls inside the season.</summary>
    public bool Contains(LocalDate date)
    {
        var day = new AnnualDate(date.Month, date.Day);
        return From.CompareTo(To) <= 0
            ? day.CompareTo(From) >= 0 && day.CompareTo(To) <= 0
            : day.CompareTo(From) >= 0 || day.CompareTo(To) <= 0;
    }

    public override string ToString() => $"{From:MM-dd}..{To:MM-dd}";
}
