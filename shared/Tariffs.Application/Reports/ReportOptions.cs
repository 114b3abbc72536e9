using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Application.Reports;

/// <summary>Report settings (configuration section <c>Tariffs:Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Tariffs:Reports";

    /// <summary>A cell with fewer billed households is suppressed in public output (INSEE: 11; CPUC: 100).</summary>
    public int SuppressionThreshold { get; set; } = EquityReportRules.DefaultSuppressionThreshold;

    /// <summary>A cell in which one household holds more than this share of an amount is suppressed (0.85).</summary>
    public decimal DominanceShare { get; set; } = EquityReportRules.DefaultDominanceShare;

    /// <summary>Affordability threshold per service as a share of annual income; unset services keep the defaults of <see cref="EquityReportRules"/>.</summary>
    public Dictionary<string, decimal> AffordabilityThresholds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>IANA time zone of authorities without an entry in <see cref="TimeZones"/> (default Europe/Paris).</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>IANA time zone per authority: it says when a period is over (cells of a running period are provisional).</summary>
    public Dictionary<string, string> TimeZones { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How long after a period's last day (in the authority's time zone) it stays out of the public report, so that late
    /// bills and corrections can arrive before its release (default 7 days). Rows stored later reach the regulator's
    /// view only.
    /// </summary>
    public TimeSpan PublicationDelay { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A release counts the rows stored up to this long before the run, and releases no month with a row stored more
    /// recently (default 5 minutes): every row counted is committed and visible when the run reads, whatever the
    /// clock skew between the service and the store, and a month whose batch or corrections are still being stored
    /// waits for a later run. The local host (Azurite on the same clock, one-chunk test batches) sets 3 seconds.
    /// </summary>
    public TimeSpan ReleaseSettle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The domain rules these settings stand for.</summary>
    public EquityReportRules ToRules()
    {
        var defaults = new EquityReportRules();
        var thresholds = new Dictionary<string, decimal>(defaults.AffordabilityThresholds, StringComparer.Ordinal);
        foreach (var (service, share) in AffordabilityThresholds)
            thresholds[service] = share;
        return new EquityReportRules
        {
            SuppressionThreshold = SuppressionThreshold,
            DominanceShare = DominanceShare,
            AffordabilityThresholds = thresholds,
        };
    }

    /// <summary>The time zone of <paramref name="authority"/>; an unknown zone id fails loudly.</summary>
    public DateTimeZone ZoneOf(string authority)
    {
        var id = TimeZones.GetValueOrDefault(authority) ?? TimeZone;
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new InvalidOperationException($"'{id}' (time zone of '{authority}' in {Section}) is not an IANA time zone.");
    }
}
