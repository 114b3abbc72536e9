namespace Tariffs.Application.Households;

/// <summary>A dated parameter a criterion read: which, its version (effective date) and legal reference.</summary>
public sealed record ExplainedSource(string Parameter, string Version, string LegalReference, string? LegalUrl);
