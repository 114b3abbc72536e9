using Tariffs.Domain.Reports;

namespace Tariffs.Application.Ports;

/// <summary>
/// One stored report cell as read back (the storage adapter encodes and decodes it): PartitionKey =
/// service | period ("2022", "2022-Q1", "2022-01"), RowKey = authority | area ("*" for the authority's total), the
/// figures' columns of <see cref="EquityCellFields.Columns"/>, and the statuses of the stored row. The same shape holds
/// a frozen public cell (table <c>publicreports</c>): there <see cref="ComputedAt"/> is when it was released,
/// <see cref="Suppressed"/> whether it is hidden, and <see cref="EligibilityHidden"/> and <see cref="IncomeHidden"/>
/// withhold a group of its figures.
/// </summary>
public sealed record EquityCellEntity
{
    /// <summary>The stored figures (the suppression reason, never published, included).</summary>
    public required EquityCell Cell { get; init; }

    /// <summary>Regulator's cells: the cell is suppressed; public cells: the cell is hidden.</summary>
    public bool Suppressed { get; init; }

    /// <summary>Public cells: the eligibility group is withheld (always false in the regulator's cells).</summary>
    public bool EligibilityHidden { get; init; }

    /// <summary>Public cells: the income group is withheld (always false in the regulator's cells).</summary>
    public bool IncomeHidden { get; init; }

    /// <summary>When the cell was computed (regulator's cells) or released (public cells).</summary>
    public DateTimeOffset ComputedAt { get; init; }
}
