using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>Report settings (configuration section <c>Tariffs:Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Tariffs:Reports";

    /// <summary>A cell with fewer billed households is suppressed in public output (INSEE: 11).</summary>
    public int SuppressionThreshold { get; set; } = EquityReportBuilder.DefaultSuppressionThreshold;
}
