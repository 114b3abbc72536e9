using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// The eligibility windows that count for a line priced at a given instant: each window of a program ends the
/// day before the earliest revocation of that program that took effect after the window started — counting
/// a revocation only if the program claws back, or if it was received before the line was first priced
/// (without claw-back a revocation only affects lines billed after it arrives).
/// </summary>
public static class EligibilityAsOf
{
    /// <summary>The windows that count (a revocation taking effect on or before a window's start leaves it whole: a re-grant).</summary>
    public static IReadOnlyList<EligibilityWindow> Windows(HouseholdEligibility eligibility, ServiceCatalog catalog, Instant pricedAt)
    {
        if (eligibility.Revocations.Count == 0)
            return eligibility.Windows;
        var clawBack = catalog.Programs.ToDictionary(p => p.Id, p => p.ClawBack, StringComparer.Ordinal);
        var result = new List<EligibilityWindow>(eligibility.Windows.Count);
        foreach (var window in eligibility.Windows)
        {
            var end = window.Window.End;
            foreach (var revocation in eligibility.Revocations)
            {
                if (revocation.ProgramId != window.ProgramId || revocation.EffectiveDate <= window.Window.Start)
                    continue;
                if (!clawBack.GetValueOrDefault(window.ProgramId) && revocation.ReceivedAt > pricedAt)
                    continue;
                var dayBefore = revocation.EffectiveDate.PlusDays(-1);
                if (dayBefore < end)
                    end = dayBefore;
            }
            result.Add(end == window.Window.End ? window : window with { Window = new DateInterval(window.Window.Start, end) });
        }
        return result;
    }
}
