namespace Tariffs.Domain.Reports;

/// <summary>
/// The publication rules of the equity report: the small-cell threshold k, the dominance share, and the
/// affordability threshold of each service (a share of annual household income).
/// </summary>
public sealed record EquityReportRules
{
    /// <summary>INSEE practice: a cell of fewer than 11 households is not published.</summary>
    public const int DefaultSuppressionThreshold = 11;

    /// <summary>A cell in which one household holds more than 85% of an amount is not published.</summary>
    public const decimal DefaultDominanceShare = 0.85m;

    /// <summary>Cells with fewer billed households are suppressed (k, at least 1).</summary>
    public int SuppressionThreshold { get; init; } = DefaultSuppressionThreshold;

    /// <summary>A cell is suppressed when one household's part of an amount is strictly above this share of it.</summary>
    public decimal DominanceShare { get; init; } = DefaultDominanceShare;

    /// <summary>
    /// Affordability threshold per service, as a share of annual income: a bill above it is unaffordable.
    /// Defaults: water and wastewater 3%, electricity and gas 10%. A service without a threshold has no
    /// affordability indicator.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> AffordabilityThresholds { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["water"] = 0.03m,
        ["wastewater"] = 0.03m,
        ["electricity"] = 0.10m,
        ["gas"] = 0.10m,
    };
}
