namespace Tariffs.Domain.Engine;

/// <summary>What a rule produced for one line before rounding: the sum of its segment terms.</summary>
public sealed class RuleOutcome
{
    private readonly List<AdjustmentSegment> segments = [];

    /// <summary>The explanation terms, in segment order.</summary>
    public IReadOnlyList<AdjustmentSegment> Segments => segments;

    /// <summary>Σ of the terms, full precision.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Adds one term.</summary>
    public void Add(AdjustmentSegment segment)
    {
        segments.Add(segment);
        Amount += segment.Amount;
    }
}
