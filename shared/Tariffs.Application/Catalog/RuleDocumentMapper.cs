using Tariffs.Application.Contracts;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Scales;
using Tariffs.Domain.Social;
using Tariffs.Domain.Social.Parameters;
using Tariffs.Domain.Social.Rules;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Maps a rule of a catalog document to its domain rule, by kind: every version must give the fields its kind
/// needs (and no field of another kind), each valid, with errors naming the JSON path of the field.
/// </summary>
internal static class RuleDocumentMapper
{
    /// <summary>The kinds a catalog may use, and the version fields each one reads.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["socialBlockPrice"] = ["blockPrices"],
        ["socialUnitPrice"] = ["price"],
        ["percentageDiscount"] = ["percent", "components"],
        ["incomeCap"] = ["povertyLine", "tiers", "tiersUpperBoundsInclusive", "minimumBill", "basis"],
        ["notionalAllocation"] = ["notionalVolume", "price", "percent", "floor", "basis"],
        ["amountCap"] = ["cap", "basis"],
        ["perPersonCredit"] = ["amount", "fromPerson", "basis"],
        ["incomeScalePayment"] = ["consumptionUnits", "scale", "basis", "capAt"],
    };

    /// <summary>The rule, or null after recording why it cannot be read.</summary>
    public static SocialRule? Map(RuleDocument rule, string path, string? id, List<string> codes, ValidationErrors errors)
    {
        var kind = errors.Required(rule.Kind, $"{path}.kind");
        if (kind is null)
            return null;
        if (!Kinds.TryGetValue(kind, out var fields))
        {
            errors.Add($"{path}.kind", $"'{kind}' is not a supported rule kind ({string.Join(", ", Kinds.Keys)})");
            return null;
        }
        foreach (var (version, i) in (rule.Versions ?? []).Select((v, i) => (v, i)))
            foreach (var (name, present) in Present(version))
                if (present && !fields.Contains(name))
                    errors.Add($"{path}.versions[{i}].{name}", $"not a parameter of the {kind} kind (expected {string.Join(", ", fields)})");

        var readOn = ReadOn(rule.ReadOn, $"{path}.readOn", errors);
        SocialRule? mapped = kind switch
        {
            "socialBlockPrice" => Build(rule, path, errors, BlockPrices, v => new SocialBlockPriceRule(id!, codes, v) { ReadOn = readOn }),
            "socialUnitPrice" => Build(rule, path, errors, (v, p) => CatalogFields.NonNegative(v.Price, $"{p}.price", errors) ?? 0m, v => new SocialUnitPriceRule(id!, codes, v) { ReadOn = readOn }),
            "percentageDiscount" => Build(rule, path, errors, Discount, v => new PercentageDiscountRule(id!, codes, v) { ReadOn = readOn }),
            "incomeCap" => Build(rule, path, errors, IncomeCap, v => new IncomeCapRule(id!, codes, v) { ReadOn = readOn }),
            "notionalAllocation" => Build(rule, path, errors, Notional, v => new NotionalAllocationRule(id!, codes, v) { ReadOn = readOn }),
            "amountCap" => Build(rule, path, errors, (v, p) => new AmountCap(CatalogFields.NonNegative(v.Cap, $"{p}.cap", errors) ?? 0m, Basis(v, p, errors)), v => new AmountCapRule(id!, codes, v) { ReadOn = readOn }),
            "perPersonCredit" => Build(rule, path, errors, Credit, v => new PerPersonCreditRule(id!, codes, v) { ReadOn = readOn }),
            _ => Build(rule, path, errors, IncomeScaleOf, v => new IncomeScalePaymentRule(id!, codes, v) { ReadOn = readOn }),
        };
        return id is null ? null : mapped;

        IReadOnlyList<decimal?> BlockPrices(RuleVersionDocument v, string p)
        {
            var prices = errors.Required(v.BlockPrices, $"{p}.blockPrices") ?? [];
            for (var i = 0; i < prices.Count; i++)
                CatalogFields.Bounded(prices[i], $"{p}.blockPrices[{i}]", errors);
            return prices;
        }

        PercentageDiscount Discount(RuleVersionDocument v, string p)
        {
            var percent = Percent(v.Percent, $"{p}.percent", errors);
            var components = DiscountComponents.All;
            if (errors.Required(v.Components, $"{p}.components") is { } text && !Enum.TryParse(text, ignoreCase: true, out components))
                errors.Add($"{p}.components", $"'{text}' is not one of variable, fixed, all");
            return new PercentageDiscount(percent, components);
        }

        IncomeCap IncomeCap(RuleVersionDocument v, string p)
        {
            var poverty = CatalogFields.BySize(v.PovertyLine, $"{p}.povertyLine", errors);
            var basis = Basis(v, p, errors);
            if (basis.Unit == BasisUnit.Day)
                errors.Add($"{p}.basis", "an income cap is stated per month or per year");
            var tiers = Brackets(v.Tiers, $"{p}.tiers", errors, (t, tPath) => t.Percent is null ? null : (decimal?)Percent(t.Percent, $"{tPath}.percent", errors), t => t.From);
            if (tiers is not null && v.TiersUpperBoundsInclusive == true)
                tiers = new BracketScale<decimal?>(tiers.Brackets, upperInclusive: true);
            return new IncomeCap(poverty ?? Domain.Catalog.Allowance.PerHousehold(0), tiers ?? Empty<decimal?>(), basis,
                CatalogFields.OptionalNonNegative(v.MinimumBill, $"{p}.minimumBill", errors));
        }

        NotionalAllocation Notional(RuleVersionDocument v, string p) => new(
            CatalogFields.BySize(v.NotionalVolume, $"{p}.notionalVolume", errors) ?? Domain.Catalog.Allowance.PerHousehold(0),
            CatalogFields.NonNegative(v.Price, $"{p}.price", errors) ?? 0m,
            Percent(v.Percent, $"{p}.percent", errors),
            CatalogFields.OptionalNonNegative(v.Floor, $"{p}.floor", errors),
            Basis(v, p, errors));

        PerPersonCredit Credit(RuleVersionDocument v, string p)
        {
            var from = errors.Required(v.FromPerson, $"{p}.fromPerson");
            if (from < 1)
                errors.Add($"{p}.fromPerson", "the first person counted is 1 or more");
            return new PerPersonCredit(CatalogFields.NonNegative(v.Amount, $"{p}.amount", errors) ?? 0m, from ?? 1, Basis(v, p, errors));
        }

        IncomeScale IncomeScaleOf(RuleVersionDocument v, string p)
        {
            var units = CatalogFields.BySize(v.ConsumptionUnits, $"{p}.consumptionUnits", errors);
            var scale = errors.Required(v.Scale, $"{p}.scale");
            var columns = errors.Required(scale?.Columns, $"{p}.scale.columns") ?? [];
            BracketScale<int>? columnScale = null;
            if (columns.Count == 0 || columns.Any(c => c <= 0))
                errors.Add($"{p}.scale.columns", "at least one column, each starting at a positive number of units");
            else if (!Ascending(columns))
                errors.Add($"{p}.scale.columns", "columns start at strictly increasing numbers of units");
            else
                columnScale = new BracketScale<int>(columns.Select((c, i) => new Bracket<int>(c, i)));
            var rows = Brackets(scale?.Rows, $"{p}.scale.rows", errors, (r, rPath) =>
            {
                var amounts = errors.Required(r.Amounts, $"{rPath}.amounts") ?? [];
                if (r.Amounts is not null && amounts.Count != columns.Count)
                    errors.Add($"{rPath}.amounts", $"one amount per column ({columns.Count})");
                if (amounts.Any(a => a < 0))
                    errors.Add($"{rPath}.amounts", "must not be negative");
                return (IReadOnlyList<decimal>)amounts;
            }, r => r.From);
            var rowsBy = Parse(scale?.RowsBy, $"{p}.scale.rowsBy", ScaleRows.IncomePerUnit, "incomePerUnit, income", errors);
            var columnsBy = Parse(scale?.ColumnsBy, $"{p}.scale.columnsBy", ScaleColumns.ConsumptionUnits, "consumptionUnits, persons", errors);
            var capAt = Parse(v.CapAt, $"{p}.capAt", PaymentCap.None, "bill, variable, fixed", errors);
            if (capAt == PaymentCap.None && v.CapAt is not null)
                errors.Add($"{p}.capAt", "'none' is the default: leave capAt out");
            if (rows is not null && scale?.UpperBoundsInclusive == true)
                rows = new BracketScale<IReadOnlyList<decimal>>(rows.Brackets, upperInclusive: true);
            return new IncomeScale(units ?? Domain.Catalog.Allowance.PerHousehold(1), columnScale ?? Empty<int>(), rows ?? Empty<IReadOnlyList<decimal>>(), Basis(v, p, errors),
                rowsBy, columnsBy, capAt);
        }
    }

    /// <summary>An enum value by its camel-case name, or the fallback when absent; records a bad one.</summary>
    private static T Parse<T>(string? text, string path, T fallback, string names, ValidationErrors errors) where T : struct, Enum
    {
        if (text is null)
            return fallback;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
            return value;
        errors.Add(path, $"'{text}' is not one of {names}");
        return fallback;
    }

    /// <summary>"MM-dd" (a day up to 28), the day of the year a rule's parameters are read on; null when absent.</summary>
    public static NodaTime.AnnualDate? ReadOn(string? text, string path, ValidationErrors errors)
    {
        if (text is null)
            return null;
        if (DateTime.TryParseExact(text, "MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) && day.Day <= 28)
            return new NodaTime.AnnualDate(day.Month, day.Day);
        errors.Add(path, $"'{text}' is not a day of the year as MM-dd (a day up to 28)");
        return null;
    }

    private static SocialRule? Build<T>(RuleDocument rule, string path, ValidationErrors errors, Func<RuleVersionDocument, string, T> map, Func<Domain.Catalog.Timeline<T>, SocialRule> create) =>
        CatalogFields.Versions(rule.Versions, path, errors, map) is { } versions ? create(versions) : null;

    private static BasisPeriod Basis(RuleVersionDocument v, string path, ValidationErrors errors) =>
        CatalogFields.Basis(v.Basis, $"{path}.basis", errors) ?? BasisPeriod.CalendarYear;

    private static decimal Percent(decimal? value, string path, ValidationErrors errors)
    {
        if (errors.Required(value, path) is { } v && (v < 0 || v > 100))
            errors.Add(path, "a percentage from 0 to 100");
        return value ?? 0m;
    }

    /// <summary>A bracket scale from items with a lower bound: at least one, lower bounds required and strictly increasing.</summary>
    private static BracketScale<T>? Brackets<TItem, T>(List<TItem>? items, string path, ValidationErrors errors, Func<TItem, string, T> value, Func<TItem, decimal?> from)
    {
        var list = errors.Required(items, path) ?? [];
        if (items is { Count: 0 })
            errors.Add(path, "at least one bracket");
        var brackets = new List<Bracket<T>>();
        for (var i = 0; i < list.Count; i++)
        {
            var bound = errors.Required(from(list[i]), $"{path}[{i}].from");
            if (bound is { } b && brackets.Count > 0 && b <= brackets[^1].From)
                errors.Add($"{path}[{i}].from", $"brackets start at strictly increasing values ({b} is not above {brackets[^1].From})");
            else if (bound is { } ok)
                brackets.Add(new Bracket<T>(ok, value(list[i], $"{path}[{i}]")));
        }
        return brackets.Count == list.Count && brackets.Count > 0 ? new BracketScale<T>(brackets) : null;
    }

    private static BracketScale<T> Empty<T>() => new([new Bracket<T>(decimal.MaxValue, default!)]);

    private static bool Ascending(List<decimal> values)
    {
        for (var i = 1; i < values.Count; i++)
            if (values[i] <= values[i - 1])
                return false;
        return true;
    }

    private static IEnumerable<(string Name, bool Present)> Present(RuleVersionDocument v) =>
    [
        ("blockPrices", v.BlockPrices is not null), ("price", v.Price is not null), ("percent", v.Percent is not null),
        ("components", v.Components is not null), ("povertyLine", v.PovertyLine is not null), ("tiers", v.Tiers is not null),
        ("minimumBill", v.MinimumBill is not null), ("notionalVolume", v.NotionalVolume is not null), ("floor", v.Floor is not null),
        ("cap", v.Cap is not null), ("amount", v.Amount is not null), ("fromPerson", v.FromPerson is not null),
        ("consumptionUnits", v.ConsumptionUnits is not null), ("scale", v.Scale is not null), ("basis", v.Basis is not null),
        ("capAt", v.CapAt is not null), ("tiersUpperBoundsInclusive", v.TiersUpperBoundsInclusive is not null),
    ];
}
