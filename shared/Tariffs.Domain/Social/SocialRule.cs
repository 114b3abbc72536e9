using NodaTime;
using Tariffs.Domain.Engine;

namespace Tariffs.Domain.Social;

/// <summary>
/// One rule of a program, applying to lines billed under some of the catalog's tariffs. Given the line's
/// segments in which the household is eligible and the bill left by the rules before it, it produces the
/// terms of one adjustment (full precision, negative when it lowers the bill, positive for a payment to the
/// household) or says why it does not apply.
/// </summary>
public abstract class SocialRule(string id, IReadOnlyCollection<string> tariffCodes)
{
    private readonly string[] tariffCodes = [.. tariffCodes];

    /// <summary>Stable identifier of the rule, part of every adjustment key.</summary>
    public string Id { get; } = id;

    /// <summary>The step of the order of application this rule belongs to.</summary>
    public abstract RuleStep Step { get; }

    /// <summary>
    /// Adds to <paramref name="cuts"/> (created on first use) the dates inside the interval, after its start, on which a
    /// new version of the rule takes effect.
    /// </summary>
    public abstract void CollectChanges(DateInterval interval, ref List<LocalDate>? cuts);

    /// <summary>The rule's terms over the eligible segments; segments without a version in force add nothing.</summary>
    public abstract RuleOutcome Apply(RuleInput input);

    /// <summary>True when the rule applies to lines billed under the tariff.</summary>
    public bool AppliesTo(string tariffCode)
    {
        foreach (var code in tariffCodes)
            if (string.Equals(code, tariffCode, StringComparison.Ordinal))
                return true;
        return false;
    }
}
