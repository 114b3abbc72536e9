namespace Tariffs.Domain.Reports;

/// <summary>When a published field of a report cell is withheld (null) in a row.</summary>
public enum CellFieldVisibility
{
    /// <summary>Never withheld: the cell's key, its statuses, its currency and unit, when it was computed.</summary>
    Always,

    /// <summary>A figure: withheld when the whole cell is hidden (suppressible).</summary>
    Figure,

    /// <summary>A figure of the eligibility group (<see cref="SubPopulations"/>): withheld with the cell or with its group.</summary>
    EligibilityGroup,

    /// <summary>A figure of the income group (<see cref="SubPopulations"/>): withheld with the cell or with its group.</summary>
    IncomeGroup,

    /// <summary>Shown to the regulator only (the reason of a suppression), null in public output.</summary>
    RegulatorOnly,
}
