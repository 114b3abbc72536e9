using System.Runtime.CompilerServices;

namespace Tariffs.Benchmarks;

/// <summary>
/// The bare pricing kernel of issue 16 item 3: prices one synthetic line to the engine's social bill with the
/// engine's decimal arithmetic, operation for operation, and nothing else — no segment objects, explanations,
/// lists or allocations. The period is cut at the tariff change and where eligibility starts inside it; each piece
/// carries quantity × days ÷ period days, a monthly standing charge and two blocks whose first is an allowance per
/// calendar year, both prorated calendar-exactly (PRODUCT.md); the standard bill is rounded once. On the eligible
/// pieces, in the engine's order: the CSS social price of the first block, the 20 % discount of every component as
/// the CSS left it, the CSS per-person credit (never above those pieces' bill), each rounded once, half away from
/// zero, and never taking the bill below zero; the income-scale payment apart from the bill.
/// </summary>
public static class BareKernel
{
    /// <summary>The social bill of the line; <paramref name="payment"/> receives its income-scale payment (0 when none).</summary>
    public static decimal Price(in BareLine line, BareParameters p, out decimal payment)
    {
        payment = 0m;
        var start = line.Start;
        var end = line.End;
        var periodDays = end.DayNumber - start.DayNumber + 1;
        var eligible = line.EligibleFrom <= end;

        // The cuts inside the period, in date order, at most two.
        var first = DateOnly.MaxValue;
        var second = DateOnly.MaxValue;
        if (p.Change > start && p.Change <= end)
            first = p.Change;
        if (eligible && line.EligibleFrom > start && line.EligibleFrom != first)
        {
            if (line.EligibleFrom < first)
                (first, second) = (line.EligibleFrom, first);
            else
                second = line.EligibleFrom;
        }

        Span<Piece> pieces = stackalloc Piece[3];
        var count = 0;
        var from = start;
        foreach (var cut in (ReadOnlySpan<DateOnly>)[first, second])
        {
            if (cut > end)
                break;
            pieces[count++] = PricePiece(line, p, from, cut.AddDays(-1), periodDays);
            from = cut;
        }
        pieces[count++] = PricePiece(line, p, from, end, periodDays);

        var standard = 0m;
        for (var i = 0; i < count; i++)
            standard += pieces[i].Fixed + pieces[i].Variable;
        var bill = Round(standard);
        if (!eligible || !(line.Css || line.Discount || line.Payment))
            return bill;

        // Pieces from the first eligible day on are eligible (windows are open-ended).
        var firstEligible = 0;
        while (pieces[firstEligible].Start < line.EligibleFrom)
            firstEligible++;
        var eligiblePieces = pieces[firstEligible..count];

        if (line.Css)
        {
            var amount = 0m;
            for (var i = 0; i < eligiblePieces.Length; i++)
            {
                ref var piece = ref eligiblePieces[i];
                if (piece.Essential == 0m)
                    continue;
                var term = piece.Essential * (p.SocialEssential - piece.EssentialPrice);
                piece.Variable += term;
                amount += term;
            }
            bill = AddToBill(bill, amount);
        }

        if (line.Discount)
        {
            var amount = 0m;
            for (var i = 0; i < eligiblePieces.Length; i++)
            {
                ref var piece = ref eligiblePieces[i];
                if (piece.Variable > 0m)
                {
                    var term = -piece.Variable * p.DiscountPercent / 100m;
                    piece.Variable += term;
                    amount += term;
                }
                if (piece.Fixed > 0m)
                {
                    var term = -piece.Fixed * p.DiscountPercent / 100m;
                    piece.Fixed += term;
                    amount += term;
                }
            }
            bill = AddToBill(bill, amount);
        }

        if (line.Css)
        {
            var counted = Math.Max(0, line.Persons - p.CreditFromPerson + 1);
            var credit = 0m;
            var left = 0m;
            for (var i = 0; i < eligiblePieces.Length; i++)
            {
                ref var piece = ref eligiblePieces[i];
                credit += p.CreditAmount * counted * piece.Years;
                left += piece.Fixed + piece.Variable + piece.Reductions;
            }
            if (credit > 0m && left > 0m)
            {
                var scale = credit > left ? left / credit : 1m;
                var amount = 0m;
                for (var i = 0; i < eligiblePieces.Length; i++)
                {
                    ref var piece = ref eligiblePieces[i];
                    var term = -(p.CreditAmount * counted * piece.Years) * scale;
                    piece.Reductions += term;
                    amount += term;
                }
                bill = AddToBill(bill, amount);
            }
        }

        if (line.Payment)
            payment = Payment(line, p, eligiblePieces);
        return bill;
    }

    /// <summary>The income-scale payment: the cell for the household's units and income per unit, prorated over the eligible pieces.</summary>
    private static decimal Payment(in BareLine line, BareParameters p, ReadOnlySpan<Piece> eligiblePieces)
    {
        var n = line.Persons;
        var weights = p.UnitWeights;
        var units = weights[0] + (n >= 2 ? weights[1] : 0) + (n >= 3 ? weights[2] * (n - 2) : 0);
        var column = Bracket(p.ColumnFrom, units);
        var row = Bracket(p.RowFrom, line.Income / units);
        if (column < 0 || row < 0)
            return 0m;
        var annual = p.Cells[row * p.ColumnFrom.Length + column];
        if (annual == 0m)
            return 0m;
        var amount = 0m;
        foreach (ref readonly var piece in eligiblePieces)
            amount += annual * piece.Years;
        return Round(amount);
    }

    /// <summary>The index of the last lower bound not above the value, or −1 below the first.</summary>
    private static int Bracket(decimal[] from, decimal value)
    {
        var found = -1;
        for (var i = 0; i < from.Length && from[i] <= value; i++)
            found = i;
        return found;
    }

    /// <summary>A bill step: its amount rounded once, limited so that the bill does not go below zero.</summary>
    private static decimal AddToBill(decimal bill, decimal amount)
    {
        var rounded = Round(amount);
        return bill + rounded < 0m ? 0m : bill + rounded;
    }

    private static Piece PricePiece(in BareLine line, BareParameters p, DateOnly from, DateOnly to, int periodDays)
    {
        var version = from >= p.Change ? 1 : 0;
        var days = to.DayNumber - from.DayNumber + 1;
        var quantity = days == periodDays ? line.Quantity : line.Quantity * days / periodDays;
        var years = CalendarYears(from, to);
        var width = p.Allowance[version] * years;
        var essential = quantity < width ? quantity : width;
        var further = quantity - essential;
        return new Piece
        {
            Start = from,
            Years = years,
            Essential = essential,
            EssentialPrice = p.Essential[version],
            Fixed = p.Standing[version] * Months(from, to),
            Variable = essential * p.Essential[version] + further * p.Further[version],
        };
    }

    /// <summary>Calendar months in the inclusive interval: a whole month counts 1, a partial one its days over the month's.</summary>
    private static decimal Months(DateOnly from, DateOnly to)
    {
        var count = 0m;
        var year = from.Year;
        var month = from.Month;
        while (true)
        {
            var days = DateTime.DaysInMonth(year, month);
            var last = year == to.Year && month == to.Month;
            var first = year == from.Year && month == from.Month ? from.Day : 1;
            var covered = (last ? to.Day : days) - first + 1;
            count += covered == days ? 1m : (decimal)covered / days;
            if (last)
                return count;
            if (++month > 12)
            {
                month = 1;
                year++;
            }
        }
    }

    /// <summary>Calendar years in the inclusive interval: a whole year counts 1, a partial one its days over the year's (366 in a leap year).</summary>
    private static decimal CalendarYears(DateOnly from, DateOnly to)
    {
        var count = 0m;
        for (var year = from.Year; year <= to.Year; year++)
        {
            var days = DateTime.IsLeapYear(year) ? 366 : 365;
            var covered = (year == to.Year ? to.DayOfYear : days) - (year == from.Year ? from.DayOfYear : 1) + 1;
            count += covered == days ? 1m : (decimal)covered / days;
        }
        return count;
    }

    /// <summary>The currency rounding of the engine (Currency.Round): to 15 decimals, then to cents, half away from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Round(decimal amount) =>
        Math.Round(amount.Scale > 15 ? Math.Round(amount, 15, MidpointRounding.AwayFromZero) : amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>One piece of the period: its first day, basis years, first-block fill and price, and its bill by component.</summary>
    private struct Piece
    {
        public DateOnly Start;
        public decimal Years;
        public decimal Essential;
        public decimal EssentialPrice;
        public decimal Fixed;
        public decimal Variable;
        public decimal Reductions;
    }
}
