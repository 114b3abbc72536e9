using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Social.Parameters;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Income-scale payment (step 5, chèque énergie): consumption units for the household's size pick the
/// column, annual income ÷ units picks the row of the scale, and the cell (an amount per basis period) is
/// prorated over the eligible segments. A payment: the bill and its taxes do not change. Does not apply when
/// the income is unknown.
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
        foreach (var (segment, version) in Versioned(input))
        {
            var p = version.Value;
            var units = p.ConsumptionUnits.For(input.Persons(segment));
            var income = segment.Facts!.AnnualIncome!.Value;
            var perUnit = income / units;
            if (p.Columns.Find(units) is not { } column || p.Rows.Find(perUnit) is not { } row || column.Value >= row.Value.Count)
                continue;
            var annual = row.Value[column.Value];
            var periods = p.Basis.Count(segment.Segment.Interval);
            if (annual != 0m)
                outcome.Add(segment.Index, BillComponent.Reduction, Term(segment, version,
                    new Explanation("{amount} for income {income} ÷ {units} units = {incomePerUnit} per unit (row from {row}, column from {column} units) × {periods} periods",
                        annual, income, units, perUnit, row.From, column.From, periods),
                    annual * periods));
        }
        return outcome;
    }
}
