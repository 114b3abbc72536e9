namespace Tariffs.Functions.Authorization;

/// <summary>
/// The roles of Tariffs' users (PRODUCT.md): the regulator (and the authority's staff), the operator's billing
/// systems and staff, social services, and the public. Role names are the values of the role claims.
/// </summary>
public static class TariffsRoles
{
    /// <summary>Regulator and authority staff: every report figure, recomputation.</summary>
    public const string Regulator = "regulator";

    /// <summary>Utility operators: billing batches, recomputation.</summary>
    public const string Operator = "operator";

    /// <summary>Social services and benefits agencies: eligibility flags.</summary>
    public const string SocialServices = "social-services";

    /// <summary>Anyone: suppressed aggregates only.</summary>
    public const string Public = "public";

    /// <summary>Every role, for a development key.</summary>
    public static IReadOnlyList<string> All { get; } = [Regulator, Operator, SocialServices, Public];
}
