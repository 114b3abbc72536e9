using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Eligibility;

/// <summary>
/// A household's consumption units from unit weights by rank (chèque énergie: 1 for the first person, 0.5 for the
/// second, 0.3 for each further one): the members living there full time take the first ranks, then each child in
/// alternating custody counts half the weight of its rank (Code de l'énergie, art. R124-1: 0.15 instead of 0.3).
/// </summary>
public static class ConsumptionUnits
{
    /// <summary>The units of <paramref name="persons"/> members (1 or more) of whom <paramref name="sharedCustodyChildren"/> (fewer than the persons) are in alternating custody.</summary>
    public static decimal Of(Allowance weights, int persons, int sharedCustodyChildren)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Guard.AtLeast(persons, 1);
        if (sharedCustodyChildren < 0 || sharedCustodyChildren >= persons)
            throw new ArgumentOutOfRangeException(nameof(sharedCustodyChildren), sharedCustodyChildren, "Children in alternating custody are 0 or more and fewer than the persons.");
        var full = persons - sharedCustodyChildren;
        var units = weights.For(full);
        for (var rank = full + 1; rank <= persons; rank++)
            units += (weights.For(rank) - weights.For(rank - 1)) / 2m;
        return units;
    }
}
