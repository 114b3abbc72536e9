namespace Tariffs.Domain.Engine;

/// <summary>
/// The part of a segment's bill an explanation term changes: standing charges, the variable (consumption)
/// part, or the reductions of caps and credits, which belong to neither.
/// </summary>
public enum BillComponent
{
    Fixed,
    Variable,
    Reduction,
}
