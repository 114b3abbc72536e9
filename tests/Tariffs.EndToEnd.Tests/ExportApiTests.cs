using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tariffs.Storage.Tables;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// The queued export over HTTP (<c>POST /api/exports</c>), on the shared local host and whatever the other tests
/// stored: queued, polled to completed with every table done, then the manifest and two files downloaded — a CSV
/// rendering and the household facts table — each byte for byte what the manifest's SHA-256 and size say, and each
/// download in the access log; a caller who is not a regulator of every authority is refused; a bad body is a 400 problem.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ExportApiTests(LocalHostFixture host)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_export_is_queued_polled_to_completion_and_its_files_are_what_its_manifest_says()
    {
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);

        using var posted = await regulator.PostAsync("api/exports", Json("""{"authority": "export-e2e"}"""));
        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.ToString();
        Assert.StartsWith("/api/exports/", location, StringComparison.Ordinal);
        var status = await Eventually.ValueAsync(async () => (await regulator.GetFromJsonAsync<JsonObject>(location.TrimStart('/')))!,
            s => (string?)s["state"] is "completed" or "failed", TimeSpan.FromMinutes(3), "the export to complete");

        Assert.True((string?)status["state"] == "completed", status.ToJsonString());
        var progress = status["progress"]!;
        Assert.Equal((TableNames.All.Count, TableNames.All.Count), ((int)progress["tablesDone"]!, (int)progress["tablesTotal"]!));
        Assert.True((long)progress["rowsWritten"]! > 0);
        var manifest = status["manifest"]!;
        var files = manifest["files"]!.AsArray().ToDictionary(f => (string)f!["path"]!, f => f!.AsObject());
        Assert.Equal((long)progress["rowsWritten"]!, files.Values.Where(f => (string?)f["kind"] == "table").Sum(f => (long)f["rows"]!));

        var served = (await regulator.GetFromJsonAsync<JsonObject>(((string)manifest["href"]!).TrimStart('/')))!;
        Assert.Equal("tariffs-export/1", (string?)served["format"]);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), served["files"]!.AsArray().Select(f => (string)f!["path"]!).Order(StringComparer.Ordinal));
        foreach (var path in new[] { "csv/ledger-lines.csv", "tables/householdfacts.jsonl" })
        {
            var listed = files[path];
            var href = (string)listed["href"]!;
            Assert.EndsWith("/files/" + Uri.EscapeDataString(path), href, StringComparison.Ordinal);
            var bytes = await regulator.GetByteArrayAsync(href.TrimStart('/'));
            Assert.Equal(((string)listed["sha256"]!, (long)listed["bytes"]!), (Convert.ToHexStringLower(SHA256.HashData(bytes)), (long)bytes.Length));
            Assert.Equal((string)served["files"]!.AsArray().Single(f => (string)f!["path"]! == path)!["sha256"]!, (string)listed["sha256"]!);
        }

        var id = location["/api/exports/".Length..];
        var log = (await regulator.GetFromJsonAsync<JsonArray>($"api/access-log?date={DateTime.UtcNow:yyyy-MM-dd}"))!;
        Assert.Contains(log, e => (string?)e!["object"] == $"export {id} file csv/ledger-lines.csv" && (int)e!["status"]! == 200);
    }

    [Theory]
    [InlineData("operator", null)]
    [InlineData("social-services", null)]
    [InlineData(null, "regulator-a")]
    public async Task Only_a_regulator_of_every_authority_exports(string? role, string? scoped)
    {
        using var caller = host.WithKey(role is not null ? LocalHostFixture.RoleKeys[role] : LocalHostFixture.KeyOf(scoped!));

        using var response = await caller.PostAsync("api/exports", Json("""{"authority": "acl-auth-a"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_body_is_refused_with_its_faults()
    {
        using var regulator = host.WithKey(LocalHostFixture.RoleKeys["regulator"]);

        using var response = await regulator.PostAsync("api/exports", Json("""{"authority": 5, "tables": ["ledger"]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:tariffs:problem:validation", (string?)problem["type"]);
        Assert.Equal(["$.authority", "$.tables"], problem["errors"]!.AsArray().Select(e => ((string)e!["path"]!)).Order(StringComparer.Ordinal));
    }
}
