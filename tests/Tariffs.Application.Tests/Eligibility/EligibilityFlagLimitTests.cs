using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Tests.Billing;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Rejections;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Eligibility;

/// <summary>Flags and revocations are told apart by their top-level property, and held to the input limits on both sides of each.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EligibilityFlagLimitTests(AzuriteFixture azurite)
{
    private readonly string household = $"h-{Guid.NewGuid():N}";

    private JsonObject Flag() => JsonNode.Parse($$"""
        {"flagId": "f-{{household}}", "householdId": "{{household}}", "program": "dunkerque-css", "window": {"from": "2022-01-01"},
         "decisionDate": "2021-12-15", "sourceAgency": "CPAM", "evidenceReference": "CSS-1",
         "facts": {"asOf": "2021-12-15", "annualIncome": 12000, "incomeReferenceYear": 2021, "persons": 3} }
        """)!.AsObject();

    private async Task<(EligibilityFlagHandler Handler, ServiceProvider Services)> HandlerAsync()
    {
        var (services, _) = await ChunkRaceTests.ArrangeAsync(azurite);
        return (services.GetRequiredService<EligibilityFlagHandler>(), services);
    }

    [Fact]
    public async Task A_flag_whose_evidence_reference_reads_revocationId_is_stored_as_a_flag()
    {
        var (handler, services) = await HandlerAsync();
        var flag = Flag();
        flag["evidenceReference"] = "revocationId";

        var refusal = await handler.HandleAsync(flag.ToJsonString(), "m-1", CancellationToken.None);

        Assert.Null(refusal);
        var stored = await services.GetRequiredService<EligibilityStore>().ForHouseholdAsync(["dunkerque-css"], household, CancellationToken.None);
        Assert.Equal($"f-{household}", Assert.Single(stored.Windows).FlagId);
    }

    public static TheoryData<string, JsonNode, JsonNode, string> Limits => new()
    {
        { "sourceAgency", new string('s', 64), new string('s', 65), "$.sourceAgency: at most 64 characters (got 65)" },
        { "evidenceReference", new string('e', 256), new string('e', 257), "$.evidenceReference: at most 256 characters (got 257)" },
        { "decisionDate", "1900-01-01", "1899-12-31", "$.decisionDate: must be a date from 1900-01-01 to 2199-12-31" },
        { "facts.annualIncome", 1_000_000_000m, 1_000_000_000.01m, "$.facts.annualIncome: must be from 0 to 1,000,000,000" },
        { "facts.annualIncome", 0, -0.01m, "$.facts.annualIncome: must be from 0 to 1,000,000,000" },
        { "facts.persons", 99, 100, "$.facts.persons: must be from 1 to 99" },
        { "facts.persons", 1, 0, "$.facts.persons: must be from 1 to 99" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task A_value_at_its_limit_is_stored_and_one_past_is_refused(string path, JsonNode atLimit, JsonNode pastLimit, string reason)
    {
        var (handler, _) = await HandlerAsync();
        JsonObject With(JsonNode value)
        {
            var flag = Flag();
            var names = path.Split('.');
            names[..^1].Aggregate(flag, (node, name) => node[name]!.AsObject())[names[^1]] = value.DeepClone();
            return flag;
        }

        var refused = await handler.HandleAsync(With(pastLimit).ToJsonString(), "m-past", CancellationToken.None);
        var stored = await handler.HandleAsync(With(atLimit).ToJsonString(), "m-at", CancellationToken.None);

        Assert.Equal(reason, refused);
        Assert.Null(stored);
    }

    [Fact]
    public async Task A_flag_id_of_2000_characters_is_refused_and_its_rejection_stored_under_the_message_id()
    {
        var (handler, services) = await HandlerAsync();
        var flag = Flag();
        flag["flagId"] = new string('f', 2000);
        var messageId = $"m-{Guid.NewGuid():N}";

        var refusal = await handler.HandleAsync(flag.ToJsonString(), messageId, CancellationToken.None);

        Assert.Equal("$.flagId: at most 64 characters (got 2,000)", refusal);
        Assert.True(await services.GetRequiredService<RejectionStore>().ExistsAsync(EligibilityFlagHandler.RejectionPartition, messageId, CancellationToken.None));
    }

    [Fact]
    public async Task A_flag_id_of_64_characters_is_stored()
    {
        var (handler, _) = await HandlerAsync();
        var flag = Flag();
        flag["flagId"] = new string('f', 63) + household[^1];

        Assert.Null(await handler.HandleAsync(flag.ToJsonString(), "m", CancellationToken.None));
    }

    [Theory]
    [InlineData("\"flagId\": \"x\", \"flagId\"", "$: not a readable eligibility flag or revocation: Duplicate property 'flagId'")]
    [InlineData("\"FlagId\"", "$.flagId: required")]
    public async Task Names_are_exact_and_given_once(string replacement, string reason)
    {
        var (handler, _) = await HandlerAsync();

        var refusal = await handler.HandleAsync(Flag().ToJsonString().Replace("\"flagId\"", replacement), "m", CancellationToken.None);

        Assert.StartsWith(reason, refusal);
    }

    [Fact]
    public async Task A_byte_order_mark_is_accepted()
    {
        var (handler, _) = await HandlerAsync();

        Assert.Null(await handler.HandleAsync("\uFEFF" + Flag().ToJsonString(), "m", CancellationToken.None));
    }
}
