namespace Tariffs.Domain.Engine;

/// <summary>
/// What a rule produced for one line before rounding: its explanation terms (each changing one component of
/// one segment's bill), their sum, or the reason it did not apply (an unknown income, for example).
/// </summary>
public sealed class RuleOutcome
{
    private readonly List<AdjustmentSegment> segments = [];
    private readonly List<(int Index, BillComponent Component)> targets = [];

    /// <summary>The explanation terms, in segment order.</summary>
    public IReadOnlyList<AdjustmentSegment> Segments => segments;

    /// <summary>Σ of the terms, full precision.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Why the rule did not apply to the line, or null when it did.</summary>
    public string? NotAppliedReason { get; private set; }

    /// <summary>A rule that did not apply, and why (the reason is reported on the line).</summary>
    public static RuleOutcome NotApplied(string reason) => new() { NotAppliedReason = reason };

    /// <summary>Adds one term changing a component of the segment at <paramref name="index"/>.</summary>
    public void Add(int index, BillComponent component, AdjustmentSegment segment)
    {
        segments.Add(segment);
        targets.Add((index, component));
        Amount += segment.Amount;
    }

    /// <summary>Applies the terms to the running bill (bill steps only).</summary>
    internal void ApplyTo(LineBill bill)
    {
        for (var i = 0; i < targets.Count; i++)
            bill.Apply(targets[i].Index, targets[i].Component, segments[i].Amount);
    }
}
