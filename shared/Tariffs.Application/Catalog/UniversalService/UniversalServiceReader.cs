using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Money;
using Tariffs.Domain.Universal.Restrictions;
using Tariffs.Domain.Universal.Standards;

namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>
/// Reads restriction-rules and guaranteed-standards documents into domain values, or lists every problem with
/// the JSON path of the field and what was expected (unknown members are refused, as in catalogs).
/// </summary>
public static class UniversalServiceReader
{
    /// <summary>Reads a restriction-rules document.</summary>
    public static (RestrictionRules? Rules, IReadOnlyList<string> Errors) ReadRestrictions(string json)
    {
        if (Deserialize<RestrictionRulesDocument>(json, out var failure) is not { } d)
            return (null, failure);
        var errors = new ValidationErrors();
        var jurisdiction = errors.Required(d.Jurisdiction, "$.jurisdiction");
        var versions = CatalogFields.Versions(d.Versions, "$", errors, (RestrictionVersionDocument v, string path) =>
        {
            var rules = new List<RestrictionRule>();
            var list = errors.Required(v.Rules, $"{path}.rules") ?? [];
            for (var i = 0; i < list.Count; i++)
                if (Rule(list[i], $"{path}.rules[{i}]", errors) is { } rule)
                    rules.Add(rule);
            return (IReadOnlyList<RestrictionRule>)rules;
        });
        return errors.IsEmpty && versions is not null ? (new RestrictionRules(jurisdiction!, versions), []) : (null, errors.All);
    }

    /// <summary>Reads a guaranteed-standards scheme document.</summary>
    public static (GuaranteedStandardsScheme? Scheme, IReadOnlyList<string> Errors) ReadStandards(string json)
    {
        if (Deserialize<GuaranteedStandardsDocument>(json, out var failure) is not { } d)
            return (null, failure);
        var errors = new ValidationErrors();
        var id = errors.Required(d.Scheme, "$.scheme");
        Currency? currency = null;
        if (errors.Required(d.Currency, "$.currency") is { } code && !Currency.TryFind(code, out currency))
            errors.Add("$.currency", $"'{code}' is not a supported currency (EUR, GBP, USD)");
        var services = errors.Required(d.Services, "$.services") ?? [];
        var versions = CatalogFields.Versions(d.Versions, "$", errors, (StandardsVersionDocument v, string path) =>
        {
            var standards = new List<IncidentStandard>();
            var list = errors.Required(v.Standards, $"{path}.standards") ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var s = list[i];
                var sPath = $"{path}.standards[{i}]";
                var kind = errors.Required(s.Kind, $"{sPath}.kind");
                var amount = CatalogFields.NonNegative(s.Amount, $"{sPath}.amount", errors);
                if ((s.FurtherAmount is null) != (s.FurtherPeriodHours is null))
                    errors.Add($"{sPath}.furtherPeriodHours", "furtherAmount and furtherPeriodHours go together");
                if (s.FurtherPeriodHours is <= 0)
                    errors.Add($"{sPath}.furtherPeriodHours", "a positive number of hours");
                if (s.FurtherAmount is < 0)
                    errors.Add($"{sPath}.furtherAmount", "must not be negative");
                if (kind is not null && amount is { } a)
                    standards.Add(new IncidentStandard(kind, a, s.FurtherAmount, s.FurtherPeriodHours));
            }
            return new StandardsVersion(standards, CatalogFields.OptionalNonNegative(v.LatePaymentAmount, $"{path}.latePaymentAmount", errors));
        });
        return errors.IsEmpty && versions is not null && currency is not null
            ? (new GuaranteedStandardsScheme(id!, currency, services, versions), [])
            : (null, errors.All);
    }

    private static RestrictionRule? Rule(RestrictionRuleDocument r, string path, ValidationErrors errors)
    {
        var id = errors.Required(r.Id, $"{path}.id");
        var services = errors.Required(r.Services, $"{path}.services") ?? [];
        var actions = new List<RestrictionAction>();
        var actionTexts = errors.Required(r.Actions, $"{path}.actions") ?? [];
        for (var i = 0; i < actionTexts.Count; i++)
            if (Enum.TryParse<RestrictionAction>(actionTexts[i], ignoreCase: true, out var action))
                actions.Add(action);
            else
                errors.Add($"{path}.actions[{i}]", $"'{actionTexts[i]}' is not one of disconnection, flowReduction, powerReduction");
        var residence = Parse(r.Residence ?? "any", $"{path}.residence", Residence.Any, "any, main, secondary", errors);
        var verdict = Parse(errors.Required(r.Verdict, $"{path}.verdict"), $"{path}.verdict", RestrictionVerdict.Allowed, "allowed, blocked, allowedWithLimit", errors);
        HouseholdCondition? when = r.When is null ? null : Parse(r.When, $"{path}.when", HouseholdCondition.PensionersOnly, "pensionersOnly, chequeEnergieAttestation, medicalNeed", errors);
        if (verdict == RestrictionVerdict.AllowedWithLimit && string.IsNullOrWhiteSpace(r.Limit))
            errors.Add($"{path}.limit", "required when the verdict is allowedWithLimit");
        AnnualSeason? season = null;
        if (r.SeasonFrom is not null || r.SeasonTo is not null)
        {
            var from = Day(r.SeasonFrom, $"{path}.seasonFrom", errors);
            var to = Day(r.SeasonTo, $"{path}.seasonTo", errors);
            if (from is { } f && to is { } t)
                season = new AnnualSeason(f, t);
        }
        var legal = errors.Required(r.LegalReference, $"{path}.legalReference");
        return id is null || legal is null ? null
            : new RestrictionRule(id, services, actions, residence, season, when, verdict, r.Limit, new LegalReference(legal, r.LegalUrl));
    }

    private static AnnualDate? Day(string? text, string path, ValidationErrors errors)
    {
        if (errors.Required(text, path) is not { } t)
            return null;
        var parsed = AnnualDatePattern.Iso.Parse(t);
        if (parsed.Success)
            return parsed.Value;
        errors.Add(path, $"'{t}' is not a day of the year (MM-dd)");
        return null;
    }

    private static T Parse<T>(string? text, string path, T fallback, string expected, ValidationErrors errors) where T : struct, Enum
    {
        if (text is null)
            return fallback;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value))
            return value;
        errors.Add(path, $"'{text}' is not one of {expected}");
        return fallback;
    }

    private static T? Deserialize<T>(string json, out IReadOnlyList<string> errors) where T : class
    {
        try
        {
            var value = TariffsJson.Deserialize<T>(json, TariffsJson.Strict);
            errors = value is null ? ["$: a JSON object"] : [];
            return value;
        }
        catch (JsonException e)
        {
            errors = [$"{e.Path ?? "$"}: {TariffsJson.Reason(e)}"];
            return null;
        }
    }
}
