using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Tariffs.Application.Catalog.UniversalService;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Universal.Restrictions;
using Tariffs.Domain.Universal.Standards;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>Golden cases of the restriction guard and guaranteed-standards compensation, kept as data in samples/catalogs.</summary>
public class UniversalServiceGoldenTests
{
    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(GoldenCases.Folder, file)))!;

    public static IEnumerable<object[]> RestrictionCases() =>
        Load("restrictions.cases.json")["cases"]!.AsArray().Select((c, i) => new object[] { i, (string)c!["name"]! });

    public static IEnumerable<object[]> StandardCases() =>
        Load("standards.cases.json")["cases"]!.AsArray().Select((c, i) => new object[] { i, (string)c!["name"]! });

    [Theory]
    [MemberData(nameof(RestrictionCases))]
    public void Restriction_case(int index, string name)
    {
        var golden = Load("restrictions.cases.json")["cases"]![index]!;
        var (rules, errors) = UniversalServiceReader.ReadRestrictions(File.ReadAllText(Path.Combine(GoldenCases.Folder, (string)golden["rules"]!)));
        Assert.True(rules is not null, string.Join("; ", errors));
        var r = golden["request"]!;
        var facts = r["facts"] is { } f
            ? new HouseholdFacts(LocalDatePattern.Iso.Parse((string)f["asOf"]!).Value, PensionersOnly: (bool?)f["pensionersOnly"], ChequeEnergieAttestation: (bool?)f["chequeEnergieAttestation"])
            : null;
        var request = new RestrictionRequest("hh-1", (string)r["service"]!, Enum.Parse<RestrictionAction>((string)r["action"]!, ignoreCase: true),
            LocalDatePattern.Iso.Parse((string)r["date"]!).Value, (bool)r["mainResidence"]!, facts);

        var decision = RestrictionGuard.Decide(request, rules!);

        var expect = golden["expect"]!;
        Assert.Equal(name, (string?)golden["name"]); // the row shown in the test list is the case run
        Assert.Equal(Enum.Parse<RestrictionVerdict>((string)expect["verdict"]!, ignoreCase: true), decision.Verdict);
        Assert.Equal((string)expect["rule"]!, decision.RuleId);
        Assert.Equal((string?)expect["limit"], decision.Limit);
        Assert.False(string.IsNullOrWhiteSpace(decision.Legal.Citation));
        Assert.Contains(decision.RuleId, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StandardCases))]
    public void Compensation_case(int index, string name)
    {
        var document = Load("standards.cases.json");
        var golden = document["cases"]![index]!;
        var (scheme, errors) = UniversalServiceReader.ReadStandards(File.ReadAllText(Path.Combine(GoldenCases.Folder, (string)document["scheme"]!)));
        Assert.True(scheme is not null, string.Join("; ", errors));
        var i = golden["incident"]!;
        var incident = new ServiceIncident("inc-1", "hh-1", null, (string)i["service"]!, (string)i["kind"]!, DateTime(i["deadline"])!.Value,
            DateTime(i["restored"]), (bool?)i["paidLate"] ?? false);

        var decision = CompensationCalculator.Compensate(incident, scheme!, DateTime(golden["asOf"]) ?? new LocalDateTime(2030, 1, 1, 0, 0));

        Assert.Equal(name, (string?)golden["name"]); // the row shown in the test list is the case run
        Assert.Equal((decimal)golden["expect"]!["amount"]!, decision.Amount);
        Assert.Equal("2025-07-02", decision.SchemeVersion);
        if (decision.Amount > 0)
            Assert.NotEmpty(decision.Terms);
    }

    [Theory]
    [InlineData("\"verdict\": \"blocked\"", "\"verdict\": \"maybe\"", "$.versions[0].rules[0].verdict: 'maybe' is not one of")]
    [InlineData("\"seasonFrom\": \"11-01\"", "\"seasonFrom\": \"13-01\"", "$.versions[0].rules[1].seasonFrom: '13-01' is not a day of the year")]
    [InlineData("\"actions\": [\"disconnection\", \"flowReduction\"]", "\"actions\": [\"flood\"]", "$.versions[0].rules[0].actions[0]: 'flood' is not one of")]
    [InlineData("\"limit\": \"3 kVA (2 kVA for a 3 kVA contract)\",", "", "$.versions[0].rules[3].limit: required when the verdict is allowedWithLimit")]
    public void Bad_restriction_rules_fail_naming_the_field(string original, string replacement, string expected)
    {
        var json = File.ReadAllText(Path.Combine(GoldenCases.Folder, "restrictions-france.json"));
        Assert.Contains(original, json);
        var at = json.IndexOf(original, StringComparison.Ordinal);
        var (rules, errors) = UniversalServiceReader.ReadRestrictions(json[..at] + replacement + json[(at + original.Length)..]);

        Assert.Null(rules);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_with_a_further_amount_but_no_period_is_refused()
    {
        var json = File.ReadAllText(Path.Combine(GoldenCases.Folder, "standards-england-water.json")).Replace(", \"furtherPeriodHours\": 24", "", StringComparison.Ordinal);
        var (scheme, errors) = UniversalServiceReader.ReadStandards(json);

        Assert.Null(scheme);
        Assert.Contains("$.versions[0].standards[0].furtherPeriodHours: furtherAmount and furtherPeriodHours go together", errors);
    }

    private static LocalDateTime? DateTime(JsonNode? node) => node is null ? null : LocalDateTimePattern.GeneralIso.Parse((string)node!).Value;
}
