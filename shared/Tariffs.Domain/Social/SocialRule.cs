using NodaTime;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Social;

/// <summary>
/// One dated rule of a program, applying to lines billed under some of the catalog's tariffs. Given the
/// line's priced segments in which the household is eligible, it produces the amount of one adjustment
/// (full precision, negative when it lowers the bill) and the segment detail that explains it.
/// </summary>
public abstract class SocialRule(string id, IReadOnlyCollection<string> tariffCodes)
{
    /// <summary>Stable identifier of the rule, part of every adjustment key.</summary>
    public string Id { get; } = id;

    /// <summary>Codes of the tariffs whose lines the rule applies to.</summary>
    public IReadOnlyCollection<string> TariffCodes { get; } = tariffCodes;

    /// <summary>The step of the order of application this rule belongs to.</summary>
    public abstract RuleStep Step { get; }

    /// <summary>Dates inside the interval on which a new version of the rule takes effect.</summary>
    public abstract IEnumerable<LocalDate> ChangesWithin(DateInterval interval);

    /// <summary>The rule's contribution over the eligible segments; segments without a version in force add nothing.</summary>
    public abstract RuleOutcome Apply(IReadOnlyList<PricedSegment> eligibleSegments);

    /// <summary>True when the rule applies to lines billed under the tariff.</summary>
    public bool AppliesTo(string tariffCode) => TariffCodes.Contains(tariffCode);
}
