using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Engine;

/// <summary>
/// Prices one billing line at the standard tariff and applies the social rules of the programs the
/// household is eligible for. The period is cut into segments wherever a tariff version, a rule version (of a
/// program the household is eligible for) or an eligibility window changes; consumption is spread evenly over
/// the period's days. Rules apply in the order of <see cref="RuleStep"/>, programs of a step in catalog
/// order, rules of a program in their order, each seeing the bill left by the rules before it; each rule
/// yields one adjustment rounded once, half away from zero. Steps 1–4 never take the bill below zero;
/// payments are apart from the bill. The uniform-tariff rule, when the catalog has one, compares the billed
/// amount with the repriced standard bill. Pure: no clock, no I/O.
/// </summary>
public static class TariffEngine
{
    private static readonly RuleStep[] Steps = [RuleStep.PriceReplacement, RuleStep.PercentageDiscount, RuleStep.Cap, RuleStep.Credit, RuleStep.Payment];

    /// <summary>The program id under which overcharge refunds are recorded.</summary>
    public const string UniformTariffProgram = "uniform-tariff";

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

        var programs = catalog.Programs;
        var byProgram = eligibility.Count == 0 ? null : EligibleIntervals(line.Period, programs, eligibility);

        List<LocalDate>? cuts = null;
        tariff.Versions.CollectChanges(line.Period, ref cuts);
        if (byProgram is not null)
            CollectEligibilityCuts(line, tariff.Code, programs, byProgram, ref cuts);
        var segments = Segments(line, tariff, cuts);

        var standard = 0m;
        foreach (var segment in segments)
            standard += segment.Amount;
        var standardBill = tariff.Currency.Round(standard);
        var overcharge = Overcharge(line, catalog.Uniform, standardBill, tariff);

        if (byProgram is null)
            return new LineOutcome(line, tariff.Currency, standardBill, segments, [], false) { Overcharge = overcharge };

        var adjustments = new List<Adjustment>();
        List<LineNote>? notes = null;
        var bill = new LineBill(segments);
        var inputs = new RuleInput?[programs.Count];
        var running = standardBill;
        foreach (var step in Steps)
        {
            for (var p = 0; p < programs.Count; p++)
            {
                if (byProgram[p] is not { } intervals)
                    continue;
                var rules = programs[p].Rules;
                for (var r = 0; r < rules.Count; r++)
                {
                    var rule = rules[r];
                    if (rule.Step != step || !rule.AppliesTo(tariff.Code))
                        continue;
                    var input = inputs[p] ??= new RuleInput(line, tariff.Currency, EligibleSegments(segments, intervals), bill);
                    var eligible = input.Eligible;
                    if (eligible.Count == 0)
                        continue;
                    var outcome = rule.Apply(input);
                    if (outcome.NotAppliedReason is { } reason)
                    {
                        (notes ??= []).Add(new LineNote(rule.Id, programs[p].Id, reason));
                        continue;
                    }
                    var amount = tariff.Currency.Round(outcome.Amount);
                    IReadOnlyList<AdjustmentSegment> terms = outcome.Segments;
                    if (step < RuleStep.Payment)
                    {
                        outcome.ApplyTo(bill);
                        if (running + amount < 0m)
                            terms = LimitedToBill(outcome, amount, running, out amount);
                        running += amount;
                    }
                    if (amount == 0m)
                        continue;
                    var covers = Covers(line.Period, eligible[0].Segment.Interval.Start, eligible[^1].Segment.Interval.End);
                    adjustments.Add(new Adjustment(rule.Id, programs[p].Id, rule.Step, amount, covers, terms));
                }
            }
        }

        return new LineOutcome(line, tariff.Currency, standardBill, segments, adjustments, true)
        {
            Notes = notes ?? (IReadOnlyList<LineNote>)[],
            Overcharge = overcharge,
        };
    }

    /// <summary>The days from <paramref name="start"/> to <paramref name="end"/>: the line's period itself when they are its days.</summary>
    private static DateInterval Covers(DateInterval period, LocalDate start, LocalDate end) =>
        start == period.Start && end == period.End ? period : new DateInterval(start, end);

    /// <summary>Adds the term that stops a rounded bill adjustment from taking the line's bill below zero.</summary>
    private static List<AdjustmentSegment> LimitedToBill(RuleOutcome outcome, decimal amount, decimal billLeft, out decimal limited)
    {
        limited = -billLeft;
        var last = outcome.Segments[^1];
        return [.. outcome.Segments, last with
        {
            Explanation = new Explanation("limited to the bill left {billLeft} (rounded {rounded})", billLeft, amount),
            Amount = limited - outcome.Amount,
        }];
    }

    private static OverchargeFinding? Overcharge(BillingLine line, UniformTariff? uniform, decimal standardBill, Tariff tariff)
    {
        if (uniform is null)
            return null;
        var billed = tariff.Currency.Round(line.BilledAmount);
        var excess = billed - standardBill;
        if (excess <= uniform.Tolerance)
            return null;
        var refund = uniform.Refund
            ? new Adjustment("uniform-tariff-refund", UniformTariffProgram, RuleStep.Refund, -excess, line.Period,
                [new AdjustmentSegment(line.Period, "uniform", uniform.Legal,
                    new Explanation("−(billed {billed} − repriced {repriced})", billed, standardBill), -excess)])
            : null;
        return new OverchargeFinding(line.Area, billed, standardBill, excess, uniform.Tolerance, uniform.Legal, refund);
    }

    /// <summary>The line's segments, priced; a single segment when nothing cuts the period.</summary>
    private static PricedSegment[] Segments(BillingLine line, Tariff tariff, List<LocalDate>? cuts)
    {
        if (cuts is null)
            return [PriceSegment(line, tariff, line.Period)];
        cuts.Sort();
        var period = line.Period;
        var count = 1;
        var start = period.Start;
        foreach (var cut in cuts)
            if (cut > start && cut <= period.End)
            {
                count++;
                start = cut;
            }
        var pieces = new PricedSegment[count];
        var piece = 0;
        start = period.Start;
        foreach (var cut in cuts)
        {
            if (cut <= start || cut > period.End)
                continue;
            pieces[piece++] = PriceSegment(line, tariff, new DateInterval(start, cut.PlusDays(-1)));
            start = cut;
        }
        pieces[piece] = PriceSegment(line, tariff, start == period.Start ? period : new DateInterval(start, period.End));
        return pieces;
    }

    /// <summary>Prices one segment at the tariff version in force on its first day.</summary>
    private static PricedSegment PriceSegment(BillingLine line, Tariff tariff, DateInterval segment)
    {
        var version = tariff.Versions.At(segment.Start)
            ?? throw new PricingException($"No version of tariff '{tariff.Code}' is in force on {segment.Start:yyyy-MM-dd}.");
        var schedule = version.Value;
        var days = segment.Length;
        var periodDays = line.Period.Length;
        var quantity = days == periodDays ? line.Quantity : line.Quantity * days / periodDays;

        BasisPeriod? lastBasis = null;
        var lastCount = 0m;
        var fixedAmount = 0m;
        var charges = schedule.FixedCharges;
        for (var c = 0; c < charges.Count; c++)
            fixedAmount += charges[c].Amount * Count(charges[c].Basis, segment, ref lastBasis, ref lastCount);

        var blocks = schedule.Blocks;
        var fills = new BlockFill[blocks.Count];
        var remaining = quantity;
        for (var b = 0; b < fills.Length; b++)
        {
            var block = blocks[b];
            var width = block.Width is null ? remaining : block.Width.For(line.Persons) * Count(block.Basis, segment, ref lastBasis, ref lastCount);
            var taken = remaining < width ? remaining : width;
            fills[b] = new BlockFill(taken, block.UnitPrice);
            remaining -= taken;
        }
        return new PricedSegment(segment, version.Version, quantity, fixedAmount, fills);
    }

    /// <summary>Basis count of the segment, reusing the previous one when the basis is the same.</summary>
    private static decimal Count(BasisPeriod basis, DateInterval segment, ref BasisPeriod? lastBasis, ref decimal lastCount)
    {
        if (!ReferenceEquals(basis, lastBasis))
        {
            lastCount = basis.Count(segment);
            lastBasis = basis;
        }
        return lastCount;
    }

    private static void CollectEligibilityCuts(BillingLine line, string tariffCode, IReadOnlyList<SocialProgram> programs,
        List<EligibleInterval>?[] byProgram, ref List<LocalDate>? cuts)
    {
        var period = line.Period;
        for (var p = 0; p < programs.Count; p++)
        {
            if (byProgram[p] is not { } intervals)
                continue;
            var rules = programs[p].Rules;
            for (var r = 0; r < rules.Count; r++)
                if (rules[r].AppliesTo(tariffCode))
                    rules[r].CollectChanges(period, ref cuts);
            foreach (var interval in intervals)
            {
                if (interval.Interval.Start > period.Start)
                    (cuts ??= []).Add(interval.Interval.Start);
                if (interval.Interval.End < period.End)
                    (cuts ??= []).Add(interval.Interval.End.PlusDays(1));
                // Facts hold from the day they were established: where another statement of them covers this
                // program, the segments change at that day (see FactsFor).
                if (interval.Facts is { } facts && facts.AsOf > period.Start && facts.AsOf <= period.End
                    && HasOtherFacts(intervals, facts.AsOf))
                    (cuts ??= []).Add(facts.AsOf);
            }
        }
    }

    /// <summary>True when one of the intervals carries facts established on another day than <paramref name="asOf"/>.</summary>
    private static bool HasOtherFacts(List<EligibleInterval> intervals, LocalDate asOf)
    {
        foreach (var other in intervals)
            if (other.Facts is { } o && o.AsOf != asOf)
                return true;
        return false;
    }

    /// <summary>
    /// For each program (by catalog index), the parts of the period in which the household is eligible, after
    /// the program's start policy; null for a program without an eligible day. Null when no program has one.
    /// </summary>
    private static List<EligibleInterval>?[]? EligibleIntervals(DateInterval period, IReadOnlyList<SocialProgram> programs, IReadOnlyList<EligibilityWindow> eligibility)
    {
        List<EligibleInterval>?[]? result = null;
        for (var p = 0; p < programs.Count; p++)
        {
            var program = programs[p];
            for (var w = 0; w < eligibility.Count; w++)
            {
                var window = eligibility[w];
                if (!string.Equals(window.ProgramId, program.Id, StringComparison.Ordinal)
                    || !EligibilityPolicy.TryFirstDay(window, program.Start, period, out var from))
                    continue;
                var start = from > period.Start ? from : period.Start;
                var end = window.Window.End < period.End ? window.Window.End : period.End;
                if (start > end)
                    continue;
                var overlap = start == period.Start && end == period.End ? period : new DateInterval(start, end);
                result ??= new List<EligibleInterval>?[programs.Count];
                (result[p] ??= new List<EligibleInterval>(1)).Add(new EligibleInterval(overlap, window.Facts));
            }
        }
        return result;
    }

    /// <summary>
    /// The segments inside the program's eligible intervals, each with the facts that apply on its first day
    /// (<see cref="FactsOn"/>) among the windows covering it.
    /// </summary>
    private static List<EligibleSegment> EligibleSegments(PricedSegment[] segments, List<EligibleInterval> intervals)
    {
        var result = new List<EligibleSegment>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var day = segments[i].Interval.Start;
            var covered = false;
            HouseholdFacts? facts = null;
            foreach (var interval in intervals)
            {
                if (!interval.Interval.Contains(day))
                    continue;
                covered = true;
                if (interval.Facts is { } f)
                    facts = FactsOn(day, facts, f);
            }
            if (covered)
                result.Add(new EligibleSegment(i, segments[i], facts));
        }
        return result;
    }

    /// <summary>
    /// Of two statements of a household's facts, the one that applies on <paramref name="day"/>: facts hold from the day
    /// they were established (<see cref="HouseholdFacts.AsOf"/>) until newer ones, so the latest established on or before
    /// that day wins; when both were established after it, the earlier — the facts a decision was based on also cover
    /// the days of its window before them. Facts established later never replace facts that already held.
    /// </summary>
    private static HouseholdFacts FactsOn(LocalDate day, HouseholdFacts? current, HouseholdFacts candidate)
    {
        if (current is null)
            return candidate;
        return (current.AsOf <= day, candidate.AsOf <= day) switch
        {
            (true, true) => candidate.AsOf >= current.AsOf ? candidate : current,
            (false, false) => candidate.AsOf < current.AsOf ? candidate : current,
            (false, true) => candidate,
            (true, false) => current,
        };
    }
}
