namespace Tariffs.Application.Reports;

/// <summary>Who reads the report: the public sees suppressed cells without figures; the regulator sees every figure.</summary>
public enum EquityReportView
{
    /// <summary>Suppressed cells keep their keys and the flag, every figure null.</summary>
    Public,

    /// <summary>Every figure, with the reason of each suppression (regulator only).</summary>
    Unsuppressed,
}
