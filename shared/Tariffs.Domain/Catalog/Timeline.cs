using NodaTime;

namespace Tariffs.Domain.Catalog;

/// <summary>
/// The dated versions of one parameter, ordered by effective date, no two on the same date. A version
/// applies from its effective date until the day before the next one; before the first there is none.
/// </summary>
public sealed class Timeline<T>
{
    private readonly Dated<T>[] versions;

    /// <summary>Creates a timeline; throws when it is empty or two versions share an effective date.</summary>
    public Timeline(IEnumerable<Dated<T>> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        this.versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        if (this.versions.Length == 0)
            throw new ArgumentException("A timeline needs at least one version.", nameof(versions));
        for (var i = 1; i < this.versions.Length; i++)
            if (this.versions[i].EffectiveFrom == this.versions[i - 1].EffectiveFrom)
                throw new ArgumentException($"Two versions take effect on {this.versions[i].EffectiveFrom:yyyy-MM-dd}.", nameof(versions));
    }

    /// <summary>The version in force on a date, or null before the first version.</summary>
    public Dated<T>? At(LocalDate date)
    {
        Dated<T>? found = null;
        for (var i = 0; i < versions.Length && versions[i].EffectiveFrom <= date; i++)
            found = versions[i];
        return found;
    }

    /// <summary>
    /// Adds to <paramref name="cuts"/> (created on first use) the dates inside the interval on which a new
    /// version takes effect; allocates nothing when there is none.
    /// </summary>
    public void CollectChanges(DateInterval interval, ref List<LocalDate>? cuts)
    {
        foreach (var version in versions)
            if (version.EffectiveFrom > interval.Start && version.EffectiveFrom <= interval.End)
                (cuts ??= []).Add(version.EffectiveFrom);
    }

    /// <summary>
    /// The version read for a day: in force on the day, or, with <paramref name="readOn"/>, in force on the last such
    /// day of the year on or before it (a program year from 1 October reads its parameters on 1 October).
    /// </summary>
    public Dated<T>? At(LocalDate day, AnnualDate? readOn)
    {
        if (readOn is not { } anchor)
            return At(day);
        var read = anchor.InYear(day.Year);
        return At(read <= day ? read : anchor.InYear(day.Year - 1));
    }

    /// <summary>
    /// Adds to <paramref name="cuts"/> the dates inside the interval, after its start, on which the version read
    /// (<see cref="At(LocalDate, AnnualDate?)"/>) changes: each version is first read on the first reading day on or after its effective date.
    /// </summary>
    public void CollectChanges(DateInterval interval, AnnualDate? readOn, ref List<LocalDate>? cuts)
    {
        if (readOn is not { } anchor)
        {
            CollectChanges(interval, ref cuts);
            return;
        }
        foreach (var version in versions)
        {
            var first = anchor.InYear(version.EffectiveFrom.Year);
            if (first < version.EffectiveFrom)
                first = anchor.InYear(version.EffectiveFrom.Year + 1);
            if (first > interval.Start && first <= interval.End)
                (cuts ??= []).Add(first);
        }
    }
}
