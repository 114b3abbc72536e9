namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// One version of a residence condition: the supply is the main residence (when <paramref name="MainResidence"/>),
/// and the household's tenure is one of <paramref name="Tenures"/> (when given; codes compared ordinally).
/// </summary>
public sealed record ResidenceCondition(bool MainResidence, IReadOnlyList<string>? Tenures)
{
    /// <summary>The tenures accepted, or null for any; when given, at least one.</summary>
    public IReadOnlyList<string>? Tenures { get; } = Tenures is { Count: 0 }
        ? throw new ArgumentException("A tenure condition names at least one tenure.", nameof(Tenures))
        : Tenures;
}
