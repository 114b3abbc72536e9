using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tariffs.Application.Tests.Billing;
using Tariffs.Application.Universal;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Universal;

/// <summary>Restriction checks and incidents are held to the input limits: at a limit the request goes on (to the published rules), one past it is refused naming the field.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UniversalServiceLimitTests(AzuriteFixture azurite)
{
    private static readonly JsonObject Check = JsonNode.Parse("""
        {"jurisdiction": "nowhere", "householdId": "h", "service": "water", "action": "disconnection", "date": "2025-01-15", "mainResidence": true}
        """)!.AsObject();

    private static readonly JsonObject Incident = JsonNode.Parse("""
        {"scheme": "nowhere", "incidentId": "i-1", "area": "A", "service": "water", "kind": "supplyInterruption",
         "deadline": "2025-09-01T12:00:00", "restored": "2025-09-03T14:00:00"}
        """)!.AsObject();

    private static string With(JsonObject document, string name, JsonNode value)
    {
        var copy = document.DeepClone().AsObject();
        copy[name] = value;
        return copy.ToJsonString();
    }

    public static TheoryData<string, JsonNode, JsonNode, string> CheckLimits => new()
    {
        { "householdId", new string('h', 64), new string('h', 65), "$.householdId: at most 64 characters (got 65)" },
        { "service", new string('s', 64), new string('s', 65), "$.service: at most 64 characters (got 65)" },
        { "date", "2199-12-31", "2200-01-01", "$.date: must be a date from 1900-01-01 to 2199-12-31" },
    };

    [Theory]
    [MemberData(nameof(CheckLimits))]
    public async Task A_restriction_check_at_a_limit_goes_on_and_one_past_is_refused(string name, JsonNode atLimit, JsonNode pastLimit, string reason)
    {
        var checker = ChunkRaceTests.Services(azurite).GetRequiredService<RestrictionChecker>();

        var (_, goesOn) = await checker.CheckAsync(With(Check, name, atLimit), CancellationToken.None);
        var (_, refused) = await checker.CheckAsync(With(Check, name, pastLimit), CancellationToken.None);

        Assert.Equal(["$.jurisdiction: no restriction rules are published for 'nowhere'"], goesOn);
        Assert.Equal([reason], refused);
    }

    public static TheoryData<string, JsonNode, JsonNode, string> IncidentLimits => new()
    {
        { "incidentId", new string('i', 64), new string('i', 65), "$.incidentId: at most 64 characters (got 65)" },
        { "area", new string('a', 64), "*", "$.area: '*' is reserved (an authority's total in reports)" },
        { "restored", "2199-12-31T23:59:00", "2200-01-01T00:00:00", "$.restored: must be a date from 1900-01-01 to 2199-12-31" },
    };

    [Theory]
    [MemberData(nameof(IncidentLimits))]
    public async Task An_incident_at_a_limit_goes_on_and_one_past_is_refused(string name, JsonNode atLimit, JsonNode pastLimit, string reason)
    {
        var compensator = ChunkRaceTests.Services(azurite).GetRequiredService<IncidentCompensator>();

        var (_, goesOn) = await compensator.CompensateAsync(With(Incident, name, atLimit), CancellationToken.None);
        var (_, refused) = await compensator.CompensateAsync(With(Incident, name, pastLimit), CancellationToken.None);

        Assert.Equal(["$.scheme: no guaranteed-standards scheme 'nowhere' is published"], goesOn);
        Assert.Equal([reason], refused);
    }
}
