using System.Globalization;
using NodaTime;
using Tariffs.Application.Contracts;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Field readers shared by the catalog, restriction-rules and guaranteed-standards documents: dated versions,
/// bases, quantities by household size, non-negative numbers. Each records errors with the field's JSON path.
/// </summary>
internal static class CatalogFields
{
    /// <summary>
    /// Maps dated versions: each needs an effective date and a legal reference; no two on one date. The map
    /// records each bad field at its path; the domain value it then builds guards itself, and a value it refuses
    /// (an <see cref="ArgumentException"/>) is recorded at the version's path unless a field of the version was
    /// already refused (the refused field is then what the value could not accept).
    /// </summary>
    public static Timeline<T>? Versions<TDocument, T>(List<TDocument>? documents, string path, ValidationErrors errors, Func<TDocument, string, T> map)
        where TDocument : class, IDatedDocument
    {
        var list = errors.Required(documents, $"{path}.versions") ?? [];
        if (documents is { Count: 0 })
            errors.Add($"{path}.versions", "at least one version");
        var dated = new List<Dated<T>>();
        var seen = new HashSet<LocalDate>();
        for (var i = 0; i < list.Count; i++)
        {
            var vPath = $"{path}.versions[{i}]";
            var version = list[i];
            errors.Required(version.EffectiveFrom, $"{vPath}.effectiveFrom");
            errors.Required(version.LegalReference, $"{vPath}.legalReference");
            if (version.EffectiveFrom is { } f && !seen.Add(f))
                errors.Add($"{vPath}.effectiveFrom", $"another version already takes effect on {f:yyyy-MM-dd}");
            var before = errors.All.Count;
            T value;
            try
            {
                value = map(version, vPath);
            }
            catch (ArgumentException e)
            {
                if (errors.All.Count == before)
                    errors.Add(vPath, e.Message);
                continue;
            }
            if (version.EffectiveFrom is { } date && !string.IsNullOrWhiteSpace(version.LegalReference))
                dated.Add(new Dated<T>(date, new LegalReference(version.LegalReference, version.LegalUrl), value));
        }
        return dated.Count == list.Count && dated.Count > 0 && seen.Count == dated.Count ? new Timeline<T>(dated) : null;
    }

    /// <summary>"year", "month", "day" or "year@MM-dd" (a year starting on another day, up to the 28th).</summary>
    public static BasisPeriod? Basis(string? text, string path, ValidationErrors errors)
    {
        switch (errors.Required(text, path))
        {
            case null: return null;
            case "year": return BasisPeriod.CalendarYear;
            case "month": return BasisPeriod.Month;
            case "day": return BasisPeriod.Day;
            case var s when s.StartsWith("year@", StringComparison.Ordinal)
                && DateTime.TryParseExact(s[5..], "MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                && start.Day <= 28:
                return BasisPeriod.YearStartingOn(start.Month, start.Day);
            case var s:
                errors.Add(path, $"'{s}' is not a basis (year, month, day, or year@MM-dd with a day up to 28)");
                return null;
        }
    }

    /// <summary>Exactly one of perHousehold, perPerson, personTable [first, second, further]; no negative quantity.</summary>
    public static Allowance? BySize(WidthDocument? width, string path, ValidationErrors errors)
    {
        if (errors.Required(width, path) is not { } w)
            return null;
        var given = (w.PerHousehold is null ? 0 : 1) + (w.PerPerson is null ? 0 : 1) + (w.PersonTable is null ? 0 : 1);
        if (given != 1)
        {
            errors.Add(path, "exactly one of perHousehold, perPerson, personTable");
            return null;
        }
        if (w.PersonTable is { } table && table.Count != 3)
        {
            errors.Add($"{path}.personTable", "three quantities: first person, second person, each further person");
            return null;
        }
        var quantities = w.PersonTable ?? [w.PerHousehold ?? w.PerPerson ?? 0];
        if (quantities.Any(q => q < 0))
        {
            errors.Add(path, "must not be negative");
            return null;
        }
        return w.PerHousehold is { } h ? Allowance.PerHousehold(h)
            : w.PerPerson is { } p ? Allowance.PerPerson(p)
            : Allowance.PersonTable(quantities[0], quantities[1], quantities[2]);
    }

    /// <summary>A required amount: not negative, at most <see cref="InputLimits.MaxCatalogAmount"/>.</summary>
    public static decimal? NonNegative(decimal? value, string path, ValidationErrors errors) =>
        Bounded(errors.Required(value, path), path, errors);

    /// <summary>
    /// An amount when present: not negative, at most <see cref="InputLimits.MaxCatalogAmount"/> (prices per unit,
    /// charges, caps, credits, thresholds), so that pricing a line within the input limits cannot overflow.
    /// </summary>
    public static decimal? Bounded(decimal? value, string path, ValidationErrors errors)
    {
        switch (value)
        {
            case < 0:
                errors.Add(path, "must not be negative");
                return null;
            case > InputLimits.MaxCatalogAmount:
                errors.Add(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at most {InputLimits.MaxCatalogAmount:#,0}"));
                return null;
            default:
                return value;
        }
    }

    /// <summary>An optional number that must not be negative; <paramref name="fallback"/> when absent.</summary>
    public static decimal OptionalNonNegative(decimal? value, string path, ValidationErrors errors, decimal fallback = 0m) =>
        value is null ? fallback : NonNegative(value, path, errors) ?? fallback;
}
