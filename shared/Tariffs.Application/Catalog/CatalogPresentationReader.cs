using System.Text.RegularExpressions;
using Tariffs.Application.Contracts;
using Tariffs.Domain.Catalog;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Reads the public side of a catalog document: display names of the authority, the service and the areas, and the
/// dated take-up target. All optional. A language tag is two or three lower-case letters ("fr", "en"); a name is
/// free text of at most <see cref="InputLimits.MaxTextLength"/> characters; an area code is a code, given once, not
/// the reserved "*"; a target is a share above 0 and at most 1, each version dated and referenced.
/// </summary>
internal static partial class CatalogPresentationReader
{
    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageTag();

    /// <summary>The presentation of <paramref name="d"/>; records every bad field at its path.</summary>
    public static CatalogPresentation Read(CatalogDocument d, ValidationErrors errors)
    {
        var authority = Names(d.AuthorityNames, "$.authorityNames", errors);
        var service = Names(d.ServiceNames, "$.serviceNames", errors);
        var areas = new List<CatalogArea>();
        var documents = d.Areas ?? [];
        for (var a = 0; a < documents.Count; a++)
        {
            var path = $"$.areas[{a}]";
            var before = errors.All.Count;
            var code = errors.Code(documents[a].Code, $"{path}.code");
            var names = Names(errors.Required(documents[a].Names, $"{path}.names"), $"{path}.names", errors);
            if (errors.All.Count != before)
                continue;
            if (code == InputLimits.ReservedArea)
                errors.Add($"{path}.code", $"'{InputLimits.ReservedArea}' is reserved for all areas together");
            else if (code is not null && areas.Any(x => x.Code == code))
                errors.Add($"{path}.code", $"area '{code}' is named twice");
            else if (code is not null && names is not null)
                areas.Add(new CatalogArea(code, names));
        }
        Timeline<decimal>? target = null;
        if (d.TakeUpTarget is { } t)
            target = CatalogFields.Versions(t.Versions, "$.takeUpTarget", errors, (TakeUpTargetVersionDocument v, string vPath) =>
            {
                var rate = errors.Required(v.Rate, $"{vPath}.rate");
                if (rate is not ({ } r and > 0m and <= 1m))
                {
                    if (rate is not null)
                        errors.Add($"{vPath}.rate", "a share of eligible households: above 0, at most 1");
                    return 0m;
                }
                return r;
            });
        return new CatalogPresentation(authority, service, areas, target);
    }

    private static DisplayName? Names(Dictionary<string, string>? names, string path, ValidationErrors errors)
    {
        if (names is null)
            return null;
        if (names.Count == 0)
        {
            errors.Add(path, "at least one language");
            return null;
        }
        var before = errors.All.Count;
        foreach (var (language, name) in names)
        {
            if (!LanguageTag().IsMatch(language))
                errors.Add($"{path}.{language}", "a language tag of two or three lower-case letters (fr, en)");
            else if (string.IsNullOrWhiteSpace(name))
                errors.Add($"{path}.{language}", "a name, not blank");
            else
                errors.Text(name, $"{path}.{language}");
        }
        return errors.All.Count == before ? new DisplayName(names) : null;
    }
}
