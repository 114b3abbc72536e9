using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Social.Parameters;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Benchmarks;

/// <summary>
/// The synthetic catalog's prices as plain numbers for <see cref="BareKernel"/>: two tariff versions (index 0 before
/// <see cref="Change"/>, 1 from it), each a monthly standing charge and two calendar-year blocks (the first
/// <see cref="Allowance"/> per household wide); the CSS social price of the first block and per-person credit per
/// calendar year; the discount percentage; the income-scale payment by consumption units and income per unit.
/// Read once from <see cref="SyntheticPopulation.Catalog"/>, so the kernel prices what the engine prices.
/// </summary>
public sealed class BareParameters
{
    /// <summary>The day the second tariff version takes effect.</summary>
    public required DateOnly Change { get; init; }

    /// <summary>Standing charge per calendar month, by version.</summary>
    public required decimal[] Standing { get; init; }

    /// <summary>Width of the first block per calendar year and household, by version.</summary>
    public required decimal[] Allowance { get; init; }

    /// <summary>Unit price of the first block, by version.</summary>
    public required decimal[] Essential { get; init; }

    /// <summary>Unit price of the second (unbounded) block, by version.</summary>
    public required decimal[] Further { get; init; }

    /// <summary>The CSS unit price of the first block.</summary>
    public required decimal SocialEssential { get; init; }

    /// <summary>The CSS credit per counted person and calendar year.</summary>
    public required decimal CreditAmount { get; init; }

    /// <summary>The first person the CSS credit counts.</summary>
    public required int CreditFromPerson { get; init; }

    /// <summary>The discount, in percent of every component.</summary>
    public required decimal DiscountPercent { get; init; }

    /// <summary>Consumption units of the first, second and each further person.</summary>
    public required decimal[] UnitWeights { get; init; }

    /// <summary>Lower bounds (inclusive) of the scale's columns, in consumption units.</summary>
    public required decimal[] ColumnFrom { get; init; }

    /// <summary>Lower bounds (inclusive) of the scale's rows, in income per unit.</summary>
    public required decimal[] RowFrom { get; init; }

    /// <summary>Annual payment of row r, column c at r × columns + c.</summary>
    public required decimal[] Cells { get; init; }

    /// <summary>Reads the synthetic catalog; throws when it is not the shape the kernel prices.</summary>
    public static BareParameters From(ServiceCatalog catalog)
    {
        var tariff = catalog.Tariffs["DOM"];
        var start = new LocalDate(2022, 1, 1);
        List<LocalDate>? cuts = null;
        tariff.Versions.CollectChanges(new DateInterval(start, new LocalDate(2023, 12, 31)), ref cuts);
        if (cuts is not [var change])
            throw new InvalidOperationException("The bare kernel prices a tariff with exactly one change.");
        PriceSchedule[] schedules = [tariff.Versions.At(start)!.Value, tariff.Versions.At(change)!.Value];
        foreach (var s in schedules)
            if (s.FixedCharges is not [{ Basis: var b }] || b != BasisPeriod.Month || s.Blocks is not [{ Basis: var y, Width.Scope: AllowanceScope.Household }, { Width: null }] || y != BasisPeriod.CalendarYear)
                throw new InvalidOperationException("The bare kernel prices one monthly standing charge and two calendar-year blocks.");

        var rules = catalog.Programs.SelectMany(p => p.Rules).ToArray();
        var block = rules.OfType<SocialBlockPriceRule>().Single().Versions.At(start)!.Value;
        var credit = rules.OfType<PerPersonCreditRule>().Single().Versions.At(start)!.Value;
        var discount = rules.OfType<PercentageDiscountRule>().Single().Versions.At(start)!.Value;
        var scale = rules.OfType<IncomeScalePaymentRule>().Single().Versions.At(start)!.Value;
        if (credit.Basis != BasisPeriod.CalendarYear || scale.Basis != BasisPeriod.CalendarYear || discount.Components != DiscountComponents.All
            || scale.RowsBy != ScaleRows.IncomePerUnit || scale.ColumnsBy != ScaleColumns.ConsumptionUnits || scale.CapAt != PaymentCap.None
            || scale.ConsumptionUnits.Scope != AllowanceScope.PersonTable || scale.Rows.UpperInclusive || scale.Columns.UpperInclusive)
            throw new InvalidOperationException("The bare kernel prices calendar-year credits and payments and a discount of all components.");
        var columns = scale.Columns.Brackets;
        var rows = scale.Rows.Brackets;
        return new BareParameters
        {
            Change = new DateOnly(change.Year, change.Month, change.Day),
            Standing = [.. schedules.Select(s => s.FixedCharges[0].Amount)],
            Allowance = [.. schedules.Select(s => s.Blocks[0].Width!.For(1))],
            Essential = [.. schedules.Select(s => s.Blocks[0].UnitPrice)],
            Further = [.. schedules.Select(s => s.Blocks[1].UnitPrice)],
            SocialEssential = block[0] ?? throw new InvalidOperationException("The bare kernel prices a social price in the first block."),
            CreditAmount = credit.Amount,
            CreditFromPerson = credit.FromPerson,
            DiscountPercent = discount.Percent,
            UnitWeights = [scale.ConsumptionUnits.First, scale.ConsumptionUnits.Second, scale.ConsumptionUnits.Further],
            ColumnFrom = [.. columns.Select(c => c.From)],
            RowFrom = [.. rows.Select(r => r.From)],
            Cells = [.. rows.SelectMany(r => columns.Select(c => r.Value[c.Value]))],
        };
    }
}
