using System.Text.Json;
using NodaTime;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;

namespace Tariffs.Application.Catalog;

/// <summary>
/// Reads a catalog document into a <see cref="ServiceCatalog"/>, or explains every problem with the JSON path
/// of the field and what was expected. Unknown members, missing fields, bad dates, two versions on one date,
/// unbounded blocks that are not last, rules naming unknown tariffs, unknown rule kinds and parameters that
/// are missing, invalid or belong to another kind are all refused.
/// </summary>
public static class CatalogDocumentReader
{
    /// <summary>Parses and validates a document.</summary>
    public static CatalogReadResult Read(string json)
    {
        CatalogDocument? document;
        try
        {
            document = TariffsJson.Deserialize<CatalogDocument>(json, TariffsJson.Strict);
        }
        catch (JsonException e)
        {
            return CatalogReadResult.Failed([$"{e.Path ?? "$"}: {TariffsJson.Reason(e)}"]);
        }
        if (document is null)
            return CatalogReadResult.Failed(["$: a catalog document is a JSON object"]);

        var errors = new ValidationErrors();
        var catalog = Map(document, errors);
        return errors.IsEmpty && catalog is not null ? CatalogReadResult.Ok(catalog) : CatalogReadResult.Failed(errors.All);
    }

    private static ServiceCatalog? Map(CatalogDocument d, ValidationErrors errors)
    {
        var authority = errors.Required(d.Authority, "$.authority");
        var service = errors.Required(d.Service, "$.service");
        var unit = errors.Required(d.Unit, "$.unit");
        Currency? currency = null;
        if (errors.Required(d.Currency, "$.currency") is { } code && !Currency.TryFind(code, out currency))
            errors.Add("$.currency", $"'{code}' is not a supported currency (EUR, GBP, USD)");

        var tariffs = new Dictionary<string, Tariff>(StringComparer.Ordinal);
        var tariffDocuments = errors.Required(d.Tariffs, "$.tariffs") ?? [];
        if (d.Tariffs is { Count: 0 })
            errors.Add("$.tariffs", "at least one tariff");
        for (var t = 0; t < tariffDocuments.Count; t++)
        {
            var path = $"$.tariffs[{t}]";
            var tariff = MapTariff(tariffDocuments[t], path, currency, unit, errors);
            if (tariff is null)
                continue;
            if (!tariffs.TryAdd(tariff.Code, tariff))
                errors.Add($"{path}.code", $"tariff '{tariff.Code}' is defined twice");
        }

        var programs = new List<SocialProgram>();
        var programDocuments = d.Programs ?? [];
        for (var p = 0; p < programDocuments.Count; p++)
        {
            var program = MapProgram(programDocuments[p], $"$.programs[{p}]", tariffs, errors);
            if (program is null)
                continue;
            if (programs.Any(x => x.Id == program.Id))
                errors.Add($"$.programs[{p}].id", $"program '{program.Id}' is defined twice");
            programs.Add(program);
        }

        var uniform = MapUniform(d.UniformTariff, errors);
        return errors.IsEmpty ? new ServiceCatalog(authority!, service!, tariffs, programs, uniform) : null;
    }

    private static Tariff? MapTariff(TariffDocument d, string path, Currency? currency, string? unit, ValidationErrors errors)
    {
        var code = errors.Required(d.Code, $"{path}.code");
        var versions = CatalogFields.Versions(d.Versions, path, errors, (TariffVersionDocument v, string vPath) =>
        {
            var charges = new List<FixedCharge>();
            var chargeDocuments = v.FixedCharges ?? [];
            for (var c = 0; c < chargeDocuments.Count; c++)
            {
                var cPath = $"{vPath}.fixedCharges[{c}]";
                var name = errors.Required(chargeDocuments[c].Name, $"{cPath}.name");
                var amount = CatalogFields.NonNegative(chargeDocuments[c].Amount, $"{cPath}.amount", errors);
                var basis = CatalogFields.Basis(chargeDocuments[c].Basis, $"{cPath}.basis", errors);
                if (name is not null && amount is { } a && basis is not null)
                    charges.Add(new FixedCharge(name, a, basis));
            }
            var blocks = new List<PriceBlock>();
            var blockDocuments = errors.Required(v.Blocks, $"{vPath}.blocks") ?? [];
            if (v.Blocks is { Count: 0 })
                errors.Add($"{vPath}.blocks", "at least one block");
            for (var b = 0; b < blockDocuments.Count; b++)
            {
                var bPath = $"{vPath}.blocks[{b}]";
                var block = blockDocuments[b];
                var isLast = b == blockDocuments.Count - 1;
                var price = CatalogFields.NonNegative(block.Price, $"{bPath}.price", errors);
                var basis = block.Basis is null && isLast && block.Width is null ? BasisPeriod.CalendarYear : CatalogFields.Basis(block.Basis, $"{bPath}.basis", errors);
                Allowance? width = null;
                if (isLast && block.Width is not null)
                    errors.Add($"{bPath}.width", "the last block takes all remaining consumption and has no width");
                else if (!isLast)
                    width = CatalogFields.BySize(block.Width, $"{bPath}.width", errors);
                if (price is { } p && basis is not null)
                    blocks.Add(new PriceBlock(width, basis, p));
            }
            return new PriceSchedule(charges, blocks);
        });
        return code is not null && currency is not null && unit is not null && versions is not null
            ? new Tariff(code, d.Name ?? code, currency, unit, versions)
            : null;
    }

    private static SocialProgram? MapProgram(ProgramDocument d, string path, IReadOnlyDictionary<string, Tariff> tariffs, ValidationErrors errors)
    {
        var id = errors.Required(d.Id, $"{path}.id");
        var start = EligibilityStart.AsGiven;
        if (d.EligibilityStart is { } text && !Enum.TryParse(text, ignoreCase: true, out start))
            errors.Add($"{path}.eligibilityStart", $"'{text}' is not one of asGiven, decisionDate, quarterOfDecision, nextBillingPeriod");
        var rules = new List<SocialRule>();
        var ruleDocuments = errors.Required(d.Rules, $"{path}.rules") ?? [];
        for (var r = 0; r < ruleDocuments.Count; r++)
        {
            var rPath = $"{path}.rules[{r}]";
            var rule = ruleDocuments[r];
            var ruleId = errors.Required(rule.Id, $"{rPath}.id");
            var codes = errors.Required(rule.Tariffs, $"{rPath}.tariffs") ?? [];
            for (var c = 0; c < codes.Count; c++)
                if (!tariffs.ContainsKey(codes[c]))
                    errors.Add($"{rPath}.tariffs[{c}]", $"unknown tariff '{codes[c]}'");
            if (RuleDocumentMapper.Map(rule, rPath, ruleId, codes, errors) is { } mapped)
                rules.Add(mapped);
        }
        var criteria = d.Criteria is null ? null : CriterionDocumentMapper.Map(d.Criteria, $"{path}.criteria", errors);
        var acceptsFlags = d.AcceptsFlags ?? true;
        if (!acceptsFlags && d.Criteria is null)
            errors.Add($"{path}.acceptsFlags", "a program has criteria, accepts agency flags, or both");
        return id is not null ? new SocialProgram(id, d.Name ?? id, start, d.ClawBack ?? false, rules, criteria, acceptsFlags) : null;
    }

    private static UniformTariff? MapUniform(UniformTariffDocument? d, ValidationErrors errors)
    {
        if (d is null)
            return null;
        var tolerance = CatalogFields.NonNegative(d.Tolerance, "$.uniformTariff.tolerance", errors);
        var legal = errors.Required(d.LegalReference, "$.uniformTariff.legalReference");
        return tolerance is { } t && legal is not null ? new UniformTariff(t, d.Refund ?? false, new LegalReference(legal, d.LegalUrl)) : null;
    }
}
