using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// Object-level authorisation over the local host: two operators (op-a, op-b), two agencies and two regulators
/// (authorities acl-auth-a and acl-auth-b), each with a scoped key (<see cref="LocalHostFixture.ScopedKeys"/>), walk
/// every keyed route against the expected table in <c>access-table.csv</c>; then what each one sees of shared objects.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class AccessTableTests(LocalHostFixture host)
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool seeded;

    [Fact]
    public async Task Every_route_answers_each_caller_as_the_table_says()
    {
        await SeedAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var mismatches = new List<string>();
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "access-table.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.True(rows.Count >= 100, "the table lists every route for every caller");
        foreach (var row in rows)
        {
            var fields = row.Split(',', 6);
            var (method, route, caller, body, expected) = (fields[0], fields[1].Replace("{today}", today, StringComparison.Ordinal), fields[2], fields[3], int.Parse(fields[4], CultureInfo.InvariantCulture));
            using var client = host.WithKey(LocalHostFixture.KeyOf(caller));
            using var request = new HttpRequestMessage(new HttpMethod(method), route)
            {
                Content = body.Length == 0 ? null : new StringContent(Body(body, caller).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode != expected)
                mismatches.Add($"{method} {route} as {caller} with '{body}': expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task An_operator_cannot_post_under_another_operators_name_nor_touch_its_batch()
    {
        await SeedAsync();
        using var opB = host.WithKey(LocalHostFixture.KeyOf("op-b"));
        var before = await StatusOfAsync("acl-batch-a");
        var forged = Batch("acl-batch-a", "op-a", "acl-auth-a", $"acl-hh-forged-{Run}");

        using var response = await opB.PostAsync("api/batches", new StringContent(forged.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("op-a", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!);
        await host.WaitUntilIdleAsync();
        Assert.Equal(before, await StatusOfAsync("acl-batch-a"));
    }

    [Fact]
    public async Task An_operator_sees_only_its_own_lines_of_a_household_both_billed()
    {
        await SeedAsync();

        var byA = await LinesAsync("op-a", $"acl-hh-shared-{Run}");
        var byB = await LinesAsync("op-b", $"acl-hh-shared-{Run}");
        var byRegulatorA = await LinesAsync("regulator-a", $"acl-hh-shared-{Run}");
        var byDev = await LinesAsync(null, $"acl-hh-shared-{Run}");

        Assert.Equal(["op-a"], byA.Select(l => (string)l["operator"]!));
        Assert.Equal(["op-b"], byB.Select(l => (string)l["operator"]!));
        Assert.Equal(["acl-auth-a"], byRegulatorA.Select(l => (string)l["authority"]!));
        Assert.Equal(["op-a", "op-b"], byDev.Select(l => (string)l["operator"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_regulator_reads_only_its_authorities_unsuppressed_cells()
    {
        await SeedAsync();
        using var regulatorA = host.WithKey(LocalHostFixture.KeyOf("regulator-a"));

        var cells = (await regulatorA.GetFromJsonAsync<JsonArray>("api/reports/equity/unsuppressed"))!;
        var all = (await host.Authorised.GetFromJsonAsync<JsonArray>("api/reports/equity/unsuppressed"))!;

        Assert.Contains(all, c => (string)c!["authority"]! == "acl-auth-b");
        Assert.Contains(cells, c => (string)c!["authority"]! == "acl-auth-a");
        Assert.All(cells, c => Assert.Equal("acl-auth-a", (string)c!["authority"]!));
    }

    [Fact]
    public async Task Reads_and_denials_are_in_the_access_log_each_regulator_seeing_its_own()
    {
        await SeedAsync();
        const string household = "acl-hh-a";
        using var opA = host.WithKey(LocalHostFixture.KeyOf("op-a"));
        using var opB = host.WithKey(LocalHostFixture.KeyOf("op-b"));
        (await opA.GetAsync($"api/households/{household}/explanation")).Dispose();
        (await opB.GetAsync($"api/households/{household}/explanation")).Dispose();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var seenByA = await LogAsync("regulator-a", today);
        var seenByB = await LogAsync("regulator-b", today);

        // The table test may have read the same household already: the last entry of each caller is this test's.
        var route = $"/api/households/{household}/explanation";
        var read = seenByA.Last(e => (string)e["caller"]! == "op-a" && (string)e["route"]! == route);
        Assert.Equal(("allowed", 200, "GET", $"household {household}", "[\"acl-auth-a\"]"),
            ((string)read["outcome"]!, (int)read["status"]!, (string)read["method"]!, (string)read["object"]!, read["authorities"]!.ToJsonString()));
        var denied = seenByA.Last(e => (string)e["caller"]! == "op-b" && (string)e["route"]! == route);
        Assert.Equal(("denied", 404), ((string)denied["outcome"]!, (int)denied["status"]!));
        Assert.False(string.IsNullOrEmpty((string?)denied["reason"]));
        Assert.True(DateTimeOffset.UtcNow - (DateTimeOffset)denied["at"]! < TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(seenByB, e => (string)e["route"]! == route);
        using var badDate = await host.WithKey(LocalHostFixture.KeyOf("regulator-a")).GetAsync("api/access-log?date=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    private async Task<List<JsonObject>> LogAsync(string caller, string day)
    {
        using var client = host.WithKey(LocalHostFixture.KeyOf(caller));
        return (await client.GetFromJsonAsync<JsonArray>($"api/access-log?date={day}"))!.Select(e => e!.AsObject()).ToList();
    }

    private async Task<List<JsonObject>> LinesAsync(string? caller, string household)
    {
        using var client = caller is null ? null : host.WithKey(LocalHostFixture.KeyOf(caller));
        var explanation = await (client ?? host.Authorised).GetFromJsonAsync<JsonObject>($"api/households/{household}/explanation");
        return explanation!["lines"]!.AsArray().Select(l => l!.AsObject()).ToList();
    }

    private async Task<string> StatusOfAsync(string batchId)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/batches/{batchId}");
        var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return $"{status["operator"]} {status["linesReceived"]} {status["linesPriced"]} {status["chunksTotal"]}";
    }

    /// <summary>Catalogs, rules and schemes of both sides; a batch and a flag on a household of each; a household both operators bill.</summary>
    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (seeded)
                return;
            foreach (var x in new[] { "a", "b" })
            {
                await host.PublishCatalogAsync(Body($"catalog-{x}", "dev").ToJsonString());
                await SucceedAsync(HttpMethod.Put, "api/restrictions/rules", Body($"rules-{x}", "dev"));
                await SucceedAsync(HttpMethod.Put, "api/standards", Body($"standards-{x}", "dev"));
                var flag = Pipeline.Flag($"acl-seed-flag-{x}-{Run}", $"acl-hh-{x}", $"acl-prog-{x}", "2022-01-01");
                flag["sourceAgency"] = $"agency-{x}";
                await host.PostEligibilityAsync(flag);
                using (var existing = await host.SendAsync(HttpMethod.Get, $"api/batches/acl-batch-{x}"))
                    if (existing.StatusCode == HttpStatusCode.NotFound)
                        await host.PostBatchAsync(Batch($"acl-batch-{x}", $"op-{x}", $"acl-auth-{x}", $"acl-hh-{x}").ToJsonString());
                await host.PostBatchAsync(Batch($"acl-shared-{x}-{Run}", $"op-{x}", $"acl-auth-{x}", $"acl-hh-shared-{Run}").ToJsonString());
            }
            await host.WaitUntilIdleAsync();
            await SucceedAsync(HttpMethod.Post, "api/reports/equity/recompute", null);
            seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task SucceedAsync(HttpMethod method, string route, JsonNode? body)
    {
        using var response = await host.SendAsync(method, route, body?.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, $"{method} {route}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The body a table row names; ids that must be new carry the caller and the run.</summary>
    private static JsonNode Body(string name, string caller)
    {
        var x = name[^1..];
        return name[..^2] switch
        {
            "batch-op" => Batch($"acl-post-{caller}-{x}-{Run}", $"op-{x}", $"acl-auth-{x}", $"acl-hh-post-{x}-{Run}"),
            "flag-agency" => WithAgency(Pipeline.Flag($"acl-flag-{caller}-{x}-{Run}", $"acl-hh-{x}", $"acl-prog-{x}", "2022-01-01"), $"agency-{x}"),
            "facts-agency" => new JsonObject
            {
                ["factsId"] = $"acl-facts-{caller}-{x}-{Run}", ["householdId"] = $"acl-hh-{x}", ["asOf"] = "2022-01-01", ["sourceAgency"] = $"agency-{x}",
                ["persons"] = 2,
            },
            "catalog" => JsonNode.Parse(Samples.CatalogFor($"acl-auth-{x}", $"acl-prog-{x}"))!,
            "rules" => With(Sample("restrictions-france.json"), "jurisdiction", $"acl-j-{x}"),
            "standards" => With(Sample("standards-england-water.json"), "scheme", $"acl-scheme-{x}"),
            "check-hh" => new JsonObject
            {
                ["jurisdiction"] = $"acl-j-{x}", ["householdId"] = $"acl-hh-{x}", ["service"] = "water", ["action"] = "disconnection",
                ["date"] = "2025-07-14", ["mainResidence"] = true,
            },
            "incident-hh" => new JsonObject
            {
                ["scheme"] = $"acl-scheme-{x}", ["incidentId"] = $"acl-inc-{caller}-{x}-{Run}", ["householdId"] = $"acl-hh-{x}", ["service"] = "water",
                ["kind"] = "supplyInterruption", ["deadline"] = "2025-09-01T12:00:00", ["restored"] = "2025-09-03T14:00:00",
            },
            "export" => new JsonObject { ["authority"] = $"acl-auth-{x}" },
            _ => throw new InvalidOperationException($"No body named '{name}' for the access table."),
        };
    }

    private static JsonObject Batch(string batchId, string operatorId, string authority, string household)
    {
        var batch = Pipeline.Batch(batchId, authority, [Pipeline.Line(1, household, 80m)]);
        batch["operator"] = operatorId;
        return batch;
    }

    private static JsonNode WithAgency(JsonObject flag, string agency)
    {
        flag["sourceAgency"] = agency;
        return flag;
    }

    private static JsonNode With(string json, string field, string value)
    {
        var node = JsonNode.Parse(json)!;
        node[field] = value;
        return node;
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs", name));
}
