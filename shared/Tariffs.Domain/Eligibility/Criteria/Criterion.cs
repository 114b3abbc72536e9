using NodaTime;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// A dated eligibility criterion of a program, evaluated on a day against the household facts in force that day.
/// Unknown facts make a finding unknown, never met: eligibility is only determined from facts that are known.
/// </summary>
public abstract class Criterion(string id)
{
    /// <summary>The criterion's id in its program, quoted in explanations.</summary>
    public string Id { get; } = string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A criterion needs an id.", nameof(id)) : id;

    /// <summary>The criterion's kind as the catalog names it.</summary>
    public abstract string Kind { get; }

    /// <summary>The finding on a day for the facts in force that day.</summary>
    public abstract CriterionFinding Evaluate(LocalDate day, HouseholdFacts facts);

    /// <summary>
    /// Adds to <paramref name="cuts"/> (created on first use) the days inside the range, after its start, on which the
    /// finding for these facts may change: a parameter's new version, a benefit starting or ending.
    /// </summary>
    public abstract void CollectChanges(DateInterval range, HouseholdFacts facts, ref List<LocalDate>? cuts);

    /// <summary>Adds a day to the cuts when it lies after the range's start and within it.</summary>
    protected static void Cut(DateInterval range, LocalDate day, ref List<LocalDate>? cuts)
    {
        if (day > range.Start && day <= range.End)
            (cuts ??= []).Add(day);
    }
}
