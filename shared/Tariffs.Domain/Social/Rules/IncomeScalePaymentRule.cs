using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Income-scale payment (step 5, chèque énergie): consumption units for the household's size pick the
/// column (children in alternating custody count a half share, <see cref="ConsumptionUnits"/>), annual income ÷ units picks the row of the scale, and the cell (an amount per basis period) is
/// prorated over the eligible segments. A payment: the bill and its taxes do not change, and it is not capped by
/// the bill unless the version says so (<see cref="PaymentCap"/>: the total is then limited to the eligible segments'
/// bill or component as the bill steps left it, by a last term). Rows may be read by income and columns by persons
/// (a scale by income level × household size). Does not apply when the income is unknown.
/// </summary>
public sealed class IncomeScalePaymentRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<IncomeScale> versions)
    : DatedRule<IncomeScale>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.Payment;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        if (IncomeUnknown(input) is { } unknown)
            return unknown;
        var outcome = new RuleOutcome();
        var capBase = 0m;
        (EligibleSegment Segment, Dated<IncomeScale> Version)? last = null;
        var eligible = input.Eligible;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            var p = version.Value;
            capBase += p.CapAt switch
            {
                PaymentCap.Bill => input.Bill.Total(segment.Index),
                PaymentCap.Variable => input.Bill.Variable(segment.Index),
                PaymentCap.Fixed => input.Bill.Fixed(segment.Index),
                _ => 0m,
            };
            var persons = input.Persons(segment);
            var units = ConsumptionUnits.Of(p.ConsumptionUnits, persons, Math.Min(segment.Facts!.SharedCustodyChildren ?? 0, persons - 1));
            var income = segment.Facts!.AnnualIncome!.Value;
            var perUnit = income / units;
            var columnKey = p.ColumnsBy == ScaleColumns.Persons ? persons : units;
            var rowKey = p.RowsBy == ScaleRows.Income ? income : perUnit;
            if (p.Columns.Find(columnKey) is not { } column || p.Rows.Find(rowKey) is not { } row || column.Value >= row.Value.Count)
                continue;
            var annual = row.Value[column.Value];
            var periods = p.Basis.Count(segment.Segment.Interval);
            if (annual == 0m)
                continue;
            var why = p.RowsBy == ScaleRows.IncomePerUnit && p.ColumnsBy == ScaleColumns.ConsumptionUnits
                ? new Explanation("{amount} for income {income} ÷ {units} units = {incomePerUnit} per unit (row from {row}, column from {column} units) × {periods} periods",
                    annual, income, units, perUnit, row.From, column.From, periods)
                : new Explanation($"{{amount}} for {(p.RowsBy == ScaleRows.Income ? "income" : "income per unit")} {{row}} (row from {{rowFrom}}{(p.Rows.UpperInclusive ? ", bounds inclusive above" : "")}) and {(p.ColumnsBy == ScaleColumns.Persons ? "persons" : "units")} {{column}} (column from {{columnFrom}}) × {{periods}} periods",
                    annual, rowKey, row.From, columnKey, column.From, periods);
            outcome.Add(segment.Index, BillComponent.Reduction, Term(segment, version, why, annual * periods));
            last = (segment, version);
        }
        if (last is { } l && l.Version.Value.CapAt != PaymentCap.None && outcome.Amount > Math.Max(capBase, 0m))
        {
            var cap = Math.Max(capBase, 0m);
            outcome.Add(l.Segment.Index, BillComponent.Reduction, Term(l.Segment, l.Version,
                new Explanation($"limited to the eligible segments' {l.Version.Value.CapAt.ToString().ToLowerInvariant()} {{cap}} (payment {{payment}})", cap, outcome.Amount),
                cap - outcome.Amount));
        }
        return outcome;
    }
}
