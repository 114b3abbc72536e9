namespace Tariffs.Domain.Universal.Standards;

/// <summary>
/// The guaranteed standard for one kind of incident: <paramref name="Amount"/> when the incident is not put
/// right by its deadline, plus <paramref name="FurtherAmount"/> for each full <paramref name="FurtherPeriodHours"/>
/// hours after the deadline (both null when the standard pays a single amount). Amounts are 0 or more; the period is
/// at least one hour.
/// </summary>
public sealed record IncidentStandard(string Kind, decimal Amount, decimal? FurtherAmount, int? FurtherPeriodHours)
{
    /// <summary>The amount for missing the deadline: 0 or more.</summary>
    public decimal Amount { get; } = Guard.NonNegative(Amount);

    /// <summary>The amount for each further full period, or null: 0 or more, given together with <see cref="FurtherPeriodHours"/>.</summary>
    public decimal? FurtherAmount { get; } = FurtherAmount is null == FurtherPeriodHours is null
        ? Guard.NonNegative(FurtherAmount)
        : throw new ArgumentException("A further amount and its period in hours go together.", nameof(FurtherAmount));

    /// <summary>The length of a further period in hours, or null: 1 or more.</summary>
    public int? FurtherPeriodHours { get; } = Guard.AtLeast(FurtherPeriodHours, 1);
}
