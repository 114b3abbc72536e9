using Tariffs.Application.Catalog.UniversalService;
using Tariffs.Domain.Universal.Restrictions;
using Tariffs.Domain.Universal.Standards;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Universal;

/// <summary>
/// Published universal-service documents: restriction rules per jurisdiction and guaranteed-standards schemes,
/// validated before they are stored (a bad document never replaces a good one), read back parsed.
/// </summary>
public sealed class UniversalServiceDocuments(ICatalogDocuments documents)
{
    /// <summary>Validates and stores restriction rules; returns the problems when refused.</summary>
    public async Task<IReadOnlyList<string>> PublishRestrictionsAsync(string json, CancellationToken cancellationToken)
    {
        var (rules, errors) = UniversalServiceReader.ReadRestrictions(json);
        if (rules is not null)
            await documents.SaveNamedAsync(RestrictionsName(rules.Jurisdiction), json, cancellationToken).ConfigureAwait(false);
        return errors;
    }

    /// <summary>Validates and stores a guaranteed-standards scheme; returns the problems when refused.</summary>
    public async Task<IReadOnlyList<string>> PublishStandardsAsync(string json, CancellationToken cancellationToken)
    {
        var (scheme, errors) = UniversalServiceReader.ReadStandards(json);
        if (scheme is not null)
            await documents.SaveNamedAsync(StandardsName(scheme.Id), json, cancellationToken).ConfigureAwait(false);
        return errors;
    }

    /// <summary>The restriction rules of a jurisdiction (FR, GB-EAW, …), or null when none are published.</summary>
    public async Task<RestrictionRules?> RestrictionsAsync(string jurisdiction, CancellationToken cancellationToken) =>
        await documents.FindNamedAsync(RestrictionsName(jurisdiction), cancellationToken).ConfigureAwait(false) is { } json
            ? UniversalServiceReader.ReadRestrictions(json).Rules
            : null;

    /// <summary>A guaranteed-standards scheme, or null when it is not published.</summary>
    public async Task<GuaranteedStandardsScheme?> StandardsAsync(string scheme, CancellationToken cancellationToken) =>
        await documents.FindNamedAsync(StandardsName(scheme), cancellationToken).ConfigureAwait(false) is { } json
            ? UniversalServiceReader.ReadStandards(json).Scheme
            : null;

    private static string RestrictionsName(string jurisdiction) => $"{ICatalogDocuments.UniversalPrefix}restrictions/{Uri.EscapeDataString(jurisdiction.ToUpperInvariant())}.json";

    private static string StandardsName(string scheme) => $"{ICatalogDocuments.UniversalPrefix}standards/{Uri.EscapeDataString(scheme.ToLowerInvariant())}.json";
}
