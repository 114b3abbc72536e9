namespace Tariffs.Domain.Engine;

/// <summary>
/// The bill of each segment of a line as the steps apply, full precision: it starts at the standard
/// amounts and each rule's terms change one component. Rules read it to see the bill left by the steps
/// before them; payments never change it.
/// </summary>
public sealed class LineBill
{
    // Per segment i: fixed part at 3i, variable part at 3i + 1, reductions at 3i + 2.
    private readonly decimal[] parts;

    internal LineBill(IReadOnlyList<PricedSegment> segments)
    {
        parts = new decimal[3 * segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            parts[3 * i] = segments[i].FixedAmount;
            parts[3 * i + 1] = segments[i].VariableAmount;
        }
    }

    /// <summary>Standing charges of segment <paramref name="index"/> as left so far.</summary>
    public decimal Fixed(int index) => parts[3 * index];

    /// <summary>Variable part of segment <paramref name="index"/> as left so far.</summary>
    public decimal Variable(int index) => parts[3 * index + 1];

    /// <summary>The bill of segment <paramref name="index"/> as left so far: fixed + variable + reductions.</summary>
    public decimal Total(int index) => parts[3 * index] + parts[3 * index + 1] + parts[3 * index + 2];

    internal void Apply(int index, BillComponent component, decimal delta)
    {
        var at = 3 * index + component switch
        {
            BillComponent.Fixed => 0,
            BillComponent.Variable => 1,
            _ => 2,
        };
        parts[at] += delta;
    }
}
