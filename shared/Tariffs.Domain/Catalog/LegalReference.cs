namespace Tariffs.Domain.Catalog;

/// <summary>
/// The legal text a dated value comes from (a deliberation, a decree, an article), as a citation a person can
/// look up, with an optional link.
/// </summary>
public sealed record LegalReference(string Citation, string? Url = null)
{
    public override string ToString() => Citation;
}
