namespace Tariffs.Domain.Reports;

/// <summary>
/// One additive identity between published cells, by index: cell <see cref="Total"/> equals the sum of the cells
/// <see cref="Parts"/> (a cell absent from the report counts as a known zero, so it is not listed).
/// </summary>
/// <param name="Total">Index of the cell that is the sum.</param>
/// <param name="Parts">Indexes of the cells summed.</param>
public sealed record AdditiveRelation(int Total, IReadOnlyList<int> Parts);
