namespace Tariffs.Domain.Engine;

/// <summary>
/// The bill of each segment of a line as the steps apply, full precision: it starts at the standard
/// amounts and each rule's terms change one component. Rules read it to see the bill left by the steps
/// before them; payments never change it.
/// </summary>
public sealed class LineBill
{
    private readonly decimal[] fixedParts;
    private readonly decimal[] variableParts;
    private readonly decimal[] reductions;

    internal LineBill(IReadOnlyList<PricedSegment> segments)
    {
        fixedParts = new decimal[segments.Count];
        variableParts = new decimal[segments.Count];
        reductions = new decimal[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            fixedParts[i] = segments[i].FixedAmount;
            variableParts[i] = segments[i].VariableAmount;
        }
    }

    /// <summary>Standing charges of segment <paramref name="index"/> as left so far.</summary>
    public decimal Fixed(int index) => fixedParts[index];

    /// <summary>Variable part of segment <paramref name="index"/> as left so far.</summary>
    public decimal Variable(int index) => variableParts[index];

    /// <summary>The bill of segment <paramref name="index"/> as left so far: fixed + variable + reductions.</summary>
    public decimal Total(int index) => fixedParts[index] + variableParts[index] + reductions[index];

    internal void Apply(int index, BillComponent component, decimal delta)
    {
        switch (component)
        {
            case BillComponent.Fixed: fixedParts[index] += delta; break;
            case BillComponent.Variable: variableParts[index] += delta; break;
            default: reductions[index] += delta; break;
        }
    }
}
