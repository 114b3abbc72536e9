using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>A dated parameter a finding used: which parameter, the version (its effective date) and its legal reference.</summary>
public sealed record CriterionSource(string Parameter, string Version, LegalReference Legal)
{
    /// <summary>The source of a dated value.</summary>
    public static CriterionSource Of<T>(string parameter, Dated<T> version) => new(parameter, version.Version, version.Legal);

    public override string ToString() => $"{Parameter} {Version} ({Legal})";
}
