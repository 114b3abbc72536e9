using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Eligibility.Criteria;
using Tariffs.Domain.Social;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>
/// Golden cases kept as data beside the sample catalogs (samples/catalogs/*.cases.json): each names its
/// catalog, a billing line, the household's eligibility windows (with facts) and/or its dated facts (from which
/// programs with criteria are determined), optionally the adjustments already posted, and the values a person
/// computed from the rule (the "why" field says how).
/// </summary>
internal static class GoldenCases
{
    public static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "samples", "catalogs");

    /// <summary>Every case as (file, index, name), for xunit member data.</summary>
    public static IEnumerable<object[]> All() =>
        Directory.GetFiles(Folder, "*.cases.json").Order(StringComparer.Ordinal)
            .Where(file => JsonNode.Parse(File.ReadAllText(file))!["catalog"] is not null)
            .SelectMany(file =>
            Cases(file).Select((c, i) => new object[] { Path.GetFileName(file), i, (string)c!["name"]! }));

    public static JsonArray Cases(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!["cases"]!.AsArray();

    public static ServiceCatalog Catalog(string casesFile)
    {
        var name = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, casesFile)))!["catalog"]!;
        var result = CatalogDocumentReader.Read(File.ReadAllText(Path.Combine(Folder, name)));
        Assert.True(result.Catalog is not null, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog!;
    }

    /// <summary>Reads a sample catalog with the first occurrence of <paramref name="original"/> replaced.</summary>
    public static CatalogReadResult ReadChanged(string file, string original, string replacement)
    {
        var json = File.ReadAllText(Path.Combine(Folder, file));
        var at = json.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} holds {original}");
        return CatalogDocumentReader.Read(json[..at] + replacement + json[(at + original.Length)..]);
    }

    public static BillingLine Line(JsonNode line, ServiceCatalog catalog)
    {
        var tariff = (string)line["tariff"]!;
        return new BillingLine(1, "hh-golden", "acc-golden", "area-1", true, (int)line["persons"]!,
            new DateInterval(Date(line["from"]), Date(line["to"])), (decimal)line["quantity"]!, catalog.Tariffs[tariff].Unit, tariff,
            (decimal)line["billed"]!);
    }

    public static IReadOnlyList<EligibilityWindow> Windows(JsonNode? windows) =>
        (windows?.AsArray() ?? []).Select((w, i) => new EligibilityWindow(
            (string)w!["program"]!,
            new DateInterval(Date(w["from"]), w["to"] is { } to ? Date(to) : new LocalDate(9999, 12, 31)),
            Date(w["decisionDate"]),
            $"flag-{i}",
            Facts(w["facts"]))).ToList();

    public static IReadOnlyList<PostedAdjustment> Posted(JsonNode posted, ServiceCatalog catalog) =>
        posted.AsArray().Select(p =>
        {
            var rule = (string)p!["rule"]!;
            var step = catalog.Programs.SelectMany(x => x.Rules).First(r => r.Id == rule).Step;
            return new PostedAdjustment(rule, (string)p["program"]!, step, (decimal)p["amount"]!);
        }).ToList();

    /// <summary>The expected amounts by rule id (an empty object: no adjustment at all).</summary>
    public static Dictionary<string, decimal> Amounts(JsonNode? node) =>
        (node?.AsObject() ?? []).ToDictionary(kv => kv.Key, kv => (decimal)kv.Value!, StringComparer.Ordinal);

    /// <summary>
    /// The windows determined from the case's dated facts ("facts": a list of statements) for every program with
    /// criteria, over the line's period, each decided on its first day; empty when the case states no facts.
    /// </summary>
    public static IReadOnlyList<DeterminedPeriod> Determined(JsonNode? facts, ServiceCatalog catalog, DateInterval period)
    {
        var statements = (facts?.AsArray() ?? []).Select(f => Facts(f)!).ToList();
        return statements.Count == 0 ? [] : catalog.Programs
            .Where(p => p.Criteria is not null)
            .SelectMany(p => EligibilityDetermination.Determine(p.Id, p.Criteria!, statements, period))
            .ToList();
    }

    private static HouseholdFacts? Facts(JsonNode? facts) => facts is null ? null : new HouseholdFacts(
        Date(facts["asOf"]),
        (decimal?)facts["annualIncome"],
        (int?)facts["incomeReferenceYear"],
        (int?)facts["persons"],
        (bool?)facts["pensionersOnly"],
        (bool?)facts["medicalNeed"],
        (bool?)facts["chequeEnergieAttestation"],
        (int?)facts["sharedCustodyChildren"],
        facts["benefits"]?.AsArray().Select(b => new BenefitReceipt((string)b!["code"]!,
            new DateInterval(Date(b["from"]), b["to"] is { } to ? Date(to) : new LocalDate(9999, 12, 31)))).ToList(),
        (bool?)facts["mainResidence"],
        (string?)facts["tenure"]);

    private static LocalDate Date(JsonNode? node) => LocalDatePattern.Iso.Parse((string)node!).Value;

    public static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static bool IsPayment(RuleStep step) => step == RuleStep.Payment;
}
