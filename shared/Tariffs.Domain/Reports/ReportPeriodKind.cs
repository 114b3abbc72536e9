namespace Tariffs.Domain.Reports;

/// <summary>The granularity of a report period. A month lies in one quarter, a quarter in one year.</summary>
public enum ReportPeriodKind
{
    /// <summary>A calendar year, 1 January – 31 December ("2022").</summary>
    Year,

    /// <summary>A calendar quarter: January–March is Q1 ("2022-Q1").</summary>
    Quarter,

    /// <summary>A calendar month ("2022-01").</summary>
    Month,
}
