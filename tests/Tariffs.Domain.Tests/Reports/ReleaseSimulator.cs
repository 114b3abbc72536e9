using NodaTime;
using Tariffs.Domain.Reports;

namespace Tariffs.Domain.Tests.Reports;

/// <summary>
/// The public release in memory, as the recompute runs it over the ledger: rows (lines, and corrections as extra
/// rows of the same household) stored at an instant; each recompute releases the closed, settled months at its cutoff, counts a
/// row only if stored before its month's cutoff, and releases the closed cells not released before. Every release
/// (the public cells after each recompute) is kept, as an attacker would.
/// </summary>
public sealed class ReleaseSimulator(EquityReportRules rules, Duration delay)
{
    private readonly List<(ReportLine Line, Instant StoredAt)> rows = [];
    private readonly Dictionary<ReleasedMonth, Instant> months = [];
    private readonly List<PublicCell> released = [];

    /// <summary>A simulator with the default rules and a 7-day publication delay.</summary>
    public ReleaseSimulator()
        : this(new EquityReportRules(), Duration.FromDays(7))
    {
    }

    /// <summary>The public cells after each recompute, in order.</summary>
    public List<IReadOnlyList<PublicCell>> Releases { get; } = [];

    /// <summary>Every row stored so far (what the regulator's view counts).</summary>
    public IEnumerable<ReportLine> Rows => rows.Select(r => r.Line);

    /// <summary>Stores a row at <paramref name="at"/>.</summary>
    public void Store(ReportLine line, Instant at) => rows.Add((line, at));

    /// <summary>Recomputes at <paramref name="now"/> (no settle margin); returns the public cells.</summary>
    public IReadOnlyList<PublicCell> Recompute(Instant now)
    {
        var cutoffs = new ReleaseCutoffs(months, now, delay, _ => DateTimeZone.Utc);
        var builder = new EquityReportBuilder(rules);
        foreach (var (line, storedAt) in rows)
            if (cutoffs.CutoffOf(line.Service, line.Authority, line.PeriodEnd, storedAt) is { } cutoff && storedAt < cutoff)
                builder.Add(line);
        var closed = builder.BuildPrimary()
            .Where(c => cutoffs.IsReleasable(c.Key))
            .ToList();
        var release = PublicRelease.Release(released, closed, rules.SuppressionThreshold, now);
        foreach (var (month, cutoff) in cutoffs.NewReleases)
            months.Add(month, cutoff);
        released.AddRange(release);
        Releases.Add(released.ToList());
        return Releases[^1];
    }

    /// <summary>The public cells of the latest release by period and area.</summary>
    public Dictionary<(string Period, string Area), PublicCell> Latest() => Releases[^1].ToDictionary(p => (p.Key.Period, p.Key.Area));
}
