using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Social unit price (step 1, price replacement): the whole variable price is replaced by a regulated social
/// price per unit (Belgian social energy tariff). Per segment: quantity × social price − the variable part as
/// left so far. A replacement never raises the bill: where the social price would cost more, nothing changes.
/// </summary>
public sealed class SocialUnitPriceRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<decimal> versions)
    : DatedRule<decimal>(id, tariffCodes, versions)
{
    /// <inheritdoc />
    public override RuleStep Step => RuleStep.PriceReplacement;

    /// <inheritdoc />
    public override RuleOutcome Apply(RuleInput input)
    {
        var outcome = new RuleOutcome();
        var eligible = input.Eligible;
        for (var i = 0; i < eligible.Count; i++)
        {
            var segment = eligible[i];
            if (VersionOf(segment) is not { } version)
                continue;
            var quantity = segment.Segment.Quantity;
            var variable = input.Bill.Variable(segment.Index);
            var amount = Math.Min(0m, quantity * version.Value - variable);
            if (amount != 0m)
                outcome.Add(segment.Index, BillComponent.Variable, Term(segment, version,
                    new Explanation("{quantity} × {socialPrice} − variable {variable}", quantity, version.Value, variable), amount));
        }
        return outcome;
    }
}
