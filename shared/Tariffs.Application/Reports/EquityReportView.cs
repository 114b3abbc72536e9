namespace Tariffs.Application.Reports;

/// <summary>Who reads the report: the public sees the released, frozen cells of closed periods, suppressed; the regulator every figure of the latest recompute.</summary>
public enum EquityReportView
{
    /// <summary>Released cells only; hidden cells keep their keys and the flag, every figure null; withheld groups null.</summary>
    Public,

    /// <summary>Every figure, with the reason of each suppression (regulator only).</summary>
    Unsuppressed,
}
