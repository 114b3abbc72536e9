using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Engine;

/// <summary>
/// Prices one billing line at the standard tariff and applies the social rules of the programs the
/// household is eligible for. The period is cut into segments wherever a tariff version, a rule version or
/// an eligibility window changes; consumption is spread evenly over the period's days; each rule yields
/// one adjustment rounded once, half away from zero. Pure: no clock, no I/O.
/// </summary>
public static class TariffEngine
{
    /// <summary>Prices a line; throws <see cref="PricingException"/> when it cannot be priced.</summary>
    public static LineOutcome Price(BillingLine line, ServiceCatalog catalog, IReadOnlyList<EligibilityWindow> eligibility)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(eligibility);

        if (!catalog.Tariffs.TryGetValue(line.TariffCode, out var tariff))
            throw new PricingException($"Unknown tariff '{line.TariffCode}' for {catalog.Key}.");
        if (!string.Equals(line.Unit, tariff.Unit, StringComparison.OrdinalIgnoreCase))
            throw new PricingException($"Tariff '{tariff.Code}' is priced per {tariff.Unit}, the line is in {line.Unit}.");

        var windows = EligibleIntervals(line, catalog, eligibility);
        var rules = catalog.Programs
            .SelectMany(p => p.Rules.Select(r => (Program: p, Rule: r)))
            .Where(x => x.Rule.AppliesTo(tariff.Code))
            .OrderBy(x => x.Rule.Step)
            .ToList();

        var cuts = tariff.Versions.ChangesWithin(line.Period)
            .Concat(rules.SelectMany(x => x.Rule.ChangesWithin(line.Period)))
            .Concat(windows.Values.SelectMany(list => list.SelectMany(w => new[] { w.Start, w.End.PlusDays(1) })));
        var segments = line.Period.SplitAt(cuts).Select(s => PriceSegment(line, tariff, s)).ToList();

        var standardBill = tariff.Currency.Round(segments.Sum(s => s.Amount));
        var adjustments = new List<Adjustment>();
        foreach (var (program, rule) in rules)
        {
            if (!windows.TryGetValue(program.Id, out var eligibleIntervals))
                continue;
            var eligibleSegments = segments.Where(s => eligibleIntervals.Any(w => w.Overlap(s.Interval) is not null)).ToList();
            if (eligibleSegments.Count == 0)
                continue;
            var outcome = rule.Apply(eligibleSegments);
            var amount = tariff.Currency.Round(outcome.Amount);
            if (amount == 0m)
                continue;
            var covers = new DateInterval(eligibleSegments[0].Interval.Start, eligibleSegments[^1].Interval.End);
            adjustments.Add(new Adjustment(rule.Id, program.Id, rule.Step, amount, covers, outcome.Segments));
        }

        return new LineOutcome(line, tariff.Currency, standardBill, segments, adjustments, windows.Count > 0);
    }

    /// <summary>Prices one segment at the tariff version in force on its first day.</summary>
    private static PricedSegment PriceSegment(BillingLine line, Tariff tariff, DateInterval segment)
    {
        var version = tariff.Versions.At(segment.Start)
            ?? throw new PricingException($"No version of tariff '{tariff.Code}' is in force on {segment.Start:yyyy-MM-dd}.");
        var schedule = version.Value;
        var quantity = line.Quantity * segment.Length / line.Period.Length;

        var fixedAmount = 0m;
        foreach (var charge in schedule.FixedCharges)
            fixedAmount += charge.Amount * charge.Basis.Count(segment);

        var fills = new BlockFill[schedule.Blocks.Count];
        var remaining = quantity;
        for (var b = 0; b < fills.Length; b++)
        {
            var block = schedule.Blocks[b];
            var width = block.Width is null ? remaining : block.Width.For(line.Persons) * block.Basis.Count(segment);
            var taken = Math.Min(remaining, width);
            fills[b] = new BlockFill(width, taken, block.UnitPrice);
            remaining -= taken;
        }
        return new PricedSegment(segment, version.Version, quantity, fixedAmount, fills);
    }

    /// <summary>
    /// For each program of the catalog, the parts of the line's period in which the household is eligible,
    /// after the program's start policy. Programs without an eligible day are absent.
    /// </summary>
    private static Dictionary<string, List<DateInterval>> EligibleIntervals(
        BillingLine line, ServiceCatalog catalog, IReadOnlyList<EligibilityWindow> eligibility)
    {
        var result = new Dictionary<string, List<DateInterval>>();
        foreach (var program in catalog.Programs)
        {
            foreach (var window in eligibility)
            {
                if (window.ProgramId != program.Id || EffectiveWindow(window, program.Start, line.Period) is not { } effective)
                    continue;
                if (effective.Overlap(line.Period) is not { } overlap)
                    continue;
                if (!result.TryGetValue(program.Id, out var list))
                    result[program.Id] = list = [];
                list.Add(overlap);
            }
        }
        return result;
    }

    private static DateInterval? EffectiveWindow(EligibilityWindow window, EligibilityStart start, DateInterval period)
    {
        var from = start switch
        {
            EligibilityStart.DecisionDate => window.Window.Start > window.DecisionDate ? window.Window.Start : window.DecisionDate,
            EligibilityStart.QuarterOfDecision => window.DecisionDate.StartOfQuarter(),
            EligibilityStart.NextBillingPeriod when period.Start <= window.DecisionDate => (LocalDate?)null,
            _ => window.Window.Start,
        };
        return from is { } f && f <= window.Window.End ? new DateInterval(f, window.Window.End) : null;
    }
}
