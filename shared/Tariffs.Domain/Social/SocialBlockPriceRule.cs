using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Social;

/// <summary>
/// Social block price: eligible households pay another unit price in some blocks (Dunkerque: CSS households
/// pay 0.34 €/m³ instead of 0.89 in the first 80 m³ a year). A version lists one social price per block of
/// the tariff, null where the standard price stays. The adjustment is Σ quantity in block × (social − standard).
/// </summary>
public sealed class SocialBlockPriceRule(string id, IReadOnlyCollection<string> tariffCodes, Timeline<IReadOnlyList<decimal?>> versions)
    : SocialRule(id, tariffCodes)
{
    /// <summary>Dated social prices per block index.</summary>
    public Timeline<IReadOnlyList<decimal?>> Versions { get; } = versions;

    /// <inheritdoc />
    public override RuleStep Step => RuleStep.PriceReplacement;

    /// <inheritdoc />
    public override IEnumerable<LocalDate> ChangesWithin(DateInterval interval) => Versions.ChangesWithin(interval);

    /// <inheritdoc />
    public override RuleOutcome Apply(IReadOnlyList<PricedSegment> eligibleSegments)
    {
        var outcome = new RuleOutcome();
        foreach (var segment in eligibleSegments)
        {
            var version = Versions.At(segment.Interval.Start);
            if (version is null)
                continue;
            for (var b = 0; b < segment.Blocks.Count && b < version.Value.Count; b++)
            {
                if (version.Value[b] is not { } socialPrice)
                    continue;
                var block = segment.Blocks[b];
                var amount = block.Quantity * (socialPrice - block.UnitPrice);
                outcome.Add(new AdjustmentSegment(
                    segment.Interval,
                    version.Version,
                    version.Legal,
                    $"block {b + 1}: {block.Quantity:0.######} at {socialPrice} instead of {block.UnitPrice}",
                    amount));
            }
        }
        return outcome;
    }
}
