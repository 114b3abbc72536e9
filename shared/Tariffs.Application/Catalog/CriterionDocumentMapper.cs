using Tariffs.Application.Contracts;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility.Criteria;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Maps a program's criteria in a catalog document to the domain's <see cref="Criterion"/>: every criterion needs an
/// id and a known kind; all/any need parts (nested at most <see cref="MaxDepth"/> deep); the others need dated
/// versions giving exactly their kind's fields, each valid, with errors naming the JSON path of the field.
/// </summary>
internal static class CriterionDocumentMapper
{
    /// <summary>How deep all/any may nest.</summary>
    public const int MaxDepth = 4;

    /// <summary>The kinds and the version fields each reads (the guideline and unit weights are lists of their own).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [CombinedCriterion.AllKind] = [],
        [CombinedCriterion.AnyKind] = [],
        [IncomePovertyCriterion.KindName] = ["percent", "comparison", "sizeAtLeast"],
        [IncomePerUnitCriterion.KindName] = ["threshold", "comparison"],
        [BenefitCriterion.KindName] = ["benefits"],
        [ResidenceCriterion.KindName] = ["mainResidence", "tenures"],
        [HouseholdSizeCriterion.KindName] = ["minimumPersons"],
    };

    private static readonly string[] GuidelineFields = ["bySize", "perExtraPerson"];
    private static readonly string[] WeightFields = ["personTable"];

    /// <summary>The criterion, or null after recording why it cannot be read.</summary>
    public static Criterion? Map(CriterionDocument d, string path, ValidationErrors errors, int depth = 1)
    {
        var id = errors.Id(d.Id, $"{path}.id");
        var kind = errors.Required(d.Kind, $"{path}.kind");
        if (kind is null)
            return null;
        if (!Kinds.TryGetValue(kind, out var fields))
        {
            errors.Add($"{path}.kind", $"'{kind}' is not a criterion kind ({string.Join(", ", Kinds.Keys)})");
            return null;
        }
        var combined = kind is CombinedCriterion.AllKind or CombinedCriterion.AnyKind;
        Refuse(d.Of is not null && !combined, $"{path}.of", "only all and any have parts", errors);
        Refuse(d.Versions is not null && combined, $"{path}.versions", "all and any have parts, not versions", errors);
        Refuse(d.Guideline is not null && kind != IncomePovertyCriterion.KindName, $"{path}.guideline", $"only {IncomePovertyCriterion.KindName} has a poverty guideline", errors);
        Refuse(d.ReadOn is not null && kind != IncomePovertyCriterion.KindName, $"{path}.readOn", $"only {IncomePovertyCriterion.KindName} reads its guideline on a day of the year", errors);
        Refuse(d.UnitWeights is not null && kind != IncomePerUnitCriterion.KindName, $"{path}.unitWeights", $"only {IncomePerUnitCriterion.KindName} has unit weights", errors);
        foreach (var (version, i) in (d.Versions ?? []).Select((v, i) => (v, i)))
            RefuseOthers(version, fields, $"{path}.versions[{i}]", kind, errors);

        if (combined)
            return Combined(d, path, id, kind == CombinedCriterion.AllKind, errors, depth);

        Criterion? mapped = kind switch
        {
            IncomePovertyCriterion.KindName => Poverty(d, path, id, errors),
            IncomePerUnitCriterion.KindName => PerUnit(d, path, id, errors),
            BenefitCriterion.KindName => Versions(d.Versions, path, errors, (v, p) => (IReadOnlyList<string>)Codes(v.Benefits, $"{p}.benefits", errors)) is { } benefits
                ? new BenefitCriterion(id ?? "?", benefits) : null,
            ResidenceCriterion.KindName => Versions(d.Versions, path, errors, (v, p) =>
            {
                if (v.MainResidence is null && v.Tenures is null)
                    errors.Add(p, "mainResidence, tenures, or both");
                return new ResidenceCondition(v.MainResidence ?? false, v.Tenures is null ? null : Codes(v.Tenures, $"{p}.tenures", errors));
            }) is { } conditions ? new ResidenceCriterion(id ?? "?", conditions) : null,
            _ => Versions(d.Versions, path, errors, (v, p) => errors.InRange(errors.Required(v.MinimumPersons, $"{p}.minimumPersons"), 1, 100, $"{p}.minimumPersons") ?? 1) is { } minimum
                ? new HouseholdSizeCriterion(id ?? "?", minimum) : null,
        };
        return id is null ? null : mapped;
    }

    private static Criterion? Combined(CriterionDocument d, string path, string? id, bool all, ValidationErrors errors, int depth)
    {
        if (depth >= MaxDepth)
        {
            errors.Add($"{path}.of", $"all/any nest at most {MaxDepth} deep");
            return null;
        }
        var parts = errors.Required(d.Of, $"{path}.of") ?? [];
        if (d.Of is { Count: 0 })
            errors.Add($"{path}.of", "at least one part");
        var mapped = new List<Criterion>(parts.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            if (Map(parts[i], $"{path}.of[{i}]", errors, depth + 1) is { } part)
                mapped.Add(part);
            if (parts[i].Id is { } partId && !ids.Add(partId))
                errors.Add($"{path}.of[{i}].id", $"criterion '{partId}' is named twice");
        }
        return id is not null && mapped.Count == parts.Count && parts.Count > 0 ? new CombinedCriterion(id, all, mapped) : null;
    }

    private static IncomePovertyCriterion? Poverty(CriterionDocument d, string path, string? id, ValidationErrors errors)
    {
        foreach (var (version, i) in (d.Guideline?.Versions ?? []).Select((v, i) => (v, i)))
            RefuseOthers(version, GuidelineFields, $"{path}.guideline.versions[{i}]", "guideline", errors);
        var readOn = RuleDocumentMapper.ReadOn(d.ReadOn, $"{path}.readOn", errors);
        var guideline = errors.Required(d.Guideline, $"{path}.guideline") is not { } g ? null : Versions(g.Versions, $"{path}.guideline", errors, (v, p) =>
        {
            var sizes = errors.Required(v.BySize, $"{p}.bySize") ?? [];
            if (v.BySize is { Count: 0 })
                errors.Add($"{p}.bySize", "an amount for 1 person or more");
            for (var s = 0; s < sizes.Count; s++)
                CatalogFields.Bounded(sizes[s], $"{p}.bySize[{s}]", errors);
            return new PovertyGuideline(sizes.Count == 0 ? [0m] : sizes, CatalogFields.NonNegative(v.PerExtraPerson, $"{p}.perExtraPerson", errors) ?? 0m);
        });
        var limits = Versions(d.Versions, path, errors, (v, p) => new PovertyLimit(
            errors.InRange(errors.Required(v.Percent, $"{p}.percent"), 0m, 1000m, $"{p}.percent") ?? 0m,
            ComparisonOf(v.Comparison, $"{p}.comparison", errors),
            errors.InRange(v.SizeAtLeast, 1, 100, $"{p}.sizeAtLeast") ?? 1));
        return guideline is not null && limits is not null ? new IncomePovertyCriterion(id ?? "?", guideline, limits, readOn) : null;
    }

    private static IncomePerUnitCriterion? PerUnit(CriterionDocument d, string path, string? id, ValidationErrors errors)
    {
        foreach (var (version, i) in (d.UnitWeights?.Versions ?? []).Select((v, i) => (v, i)))
            RefuseOthers(version, WeightFields, $"{path}.unitWeights.versions[{i}]", "unitWeights", errors);
        var weights = errors.Required(d.UnitWeights, $"{path}.unitWeights") is not { } w ? null : Versions(w.Versions, $"{path}.unitWeights", errors, (v, p) =>
        {
            var table = errors.Required(v.PersonTable, $"{p}.personTable");
            if (table is not null && (table.Count != 3 || table.Any(w => w < 0m || w > 10m)))
                errors.Add($"{p}.personTable", "three weights from 0 to 10: first person, second person, each further person");
            return table is { Count: 3 } t ? Allowance.PersonTable(t[0], t[1], t[2]) : Allowance.PerHousehold(1m);
        });
        var thresholds = Versions(d.Versions, path, errors, (v, p) => new IncomeThreshold(
            CatalogFields.NonNegative(v.Threshold, $"{p}.threshold", errors) ?? 0m,
            ComparisonOf(v.Comparison, $"{p}.comparison", errors)));
        return weights is not null && thresholds is not null ? new IncomePerUnitCriterion(id ?? "?", weights, thresholds) : null;
    }

    private static Timeline<T>? Versions<T>(List<CriterionVersionDocument>? versions, string path, ValidationErrors errors, Func<CriterionVersionDocument, string, T> map) =>
        CatalogFields.Versions(versions, path, errors, map);

    private static Comparison ComparisonOf(string? text, string path, ValidationErrors errors)
    {
        var comparison = Comparison.AtMost;
        if (errors.Required(text, path) is { } t && !Enum.TryParse(t, ignoreCase: true, out comparison))
            errors.Add(path, $"'{t}' is not one of atMost, under, over, atLeast");
        return comparison;
    }

    private static List<string> Codes(List<string>? codes, string path, ValidationErrors errors)
    {
        var list = errors.Required(codes, path) ?? [];
        if (codes is { Count: 0 })
            errors.Add(path, "at least one code");
        for (var i = 0; i < list.Count; i++)
            errors.Code(list[i], $"{path}[{i}]");
        return list.Count == 0 ? ["?"] : list;
    }

    private static void Refuse(bool refused, string path, string problem, ValidationErrors errors)
    {
        if (refused)
            errors.Add(path, problem);
    }

    private static void RefuseOthers(CriterionVersionDocument v, string[] fields, string path, string kind, ValidationErrors errors)
    {
        foreach (var (name, present) in Present(v))
            if (present && !fields.Contains(name))
                errors.Add($"{path}.{name}", $"not a field of {kind} (expected {string.Join(", ", fields)})");
    }

    private static IEnumerable<(string Name, bool Present)> Present(CriterionVersionDocument v) =>
    [
        ("percent", v.Percent is not null), ("comparison", v.Comparison is not null), ("sizeAtLeast", v.SizeAtLeast is not null),
        ("threshold", v.Threshold is not null), ("benefits", v.Benefits is not null), ("mainResidence", v.MainResidence is not null),
        ("tenures", v.Tenures is not null), ("minimumPersons", v.MinimumPersons is not null), ("bySize", v.BySize is not null),
        ("perExtraPerson", v.PerExtraPerson is not null), ("personTable", v.PersonTable is not null),
    ];
}
