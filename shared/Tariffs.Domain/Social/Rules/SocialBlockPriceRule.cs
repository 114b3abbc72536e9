using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Social.Rules;

/// <summary>
/// Social block price (step 1, price replacement): eligible households pay another unit price in some blocks
/// (Dunkerque: CSS households pay 0.34 €/m³ instead of 0.89 in the first 80 m³ a year). A version lists one
/// social price per block of the tariff, null where the standard price stays. The adjustment is
/// Σ quantity in block × (social − standard), computed against the standard block prices.
/// </summary>
public sealed class SocialBlockPriceRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<IReadOnlyList<decimal?>> versions)
    : DatedRule<IReadOnlyList<decimal?>>(id, tariffCodes, versions)
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
            var blocks = segment.Segment.Blocks;
            for (var b = 0; b < blocks.Count && b < version.Value.Count; b++)
            {
                if (version.Value[b] is not { } socialPrice || blocks[b].Quantity == 0m)
                    continue;
                var block = blocks[b];
                var amount = block.Quantity * (socialPrice - block.UnitPrice);
                outcome.Add(segment.Index, BillComponent.Variable, Term(segment, version,
                    new Explanation("{quantity} in block {block} × ({socialPrice} − {standardPrice})", block.Quantity, b + 1, socialPrice, block.UnitPrice),
                    amount));
            }
        }
        return outcome;
    }
}
