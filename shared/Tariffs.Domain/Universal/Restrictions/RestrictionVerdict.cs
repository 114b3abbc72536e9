namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>The answer to a restriction request.</summary>
public enum RestrictionVerdict
{
    Allowed,
    Blocked,

    /// <summary>Allowed, but no further than the decision's limit (power reduced to 3 kVA, for example).</summary>
    AllowedWithLimit,
}
