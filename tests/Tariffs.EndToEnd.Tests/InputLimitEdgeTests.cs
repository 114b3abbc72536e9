using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests;

/// <summary>The HTTP edge answers oversized and truncated requests with 413/400 and problem details, and input out of its limits with 400 — never 500.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class InputLimitEdgeTests(LocalHostFixture host)
{
    private async Task<HttpResponseMessage> PostAsync(string route, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return await host.Authorised.PostAsync(route, content);
    }

    /// <summary>The sample batch under a new id, its catalog published.</summary>
    private async Task<JsonNode> SampleBatchAsync()
    {
        await host.PublishCatalogAsync(Samples.CatalogFor("limits")); // its own authority: the sample's report stays the sample's
        var batch = JsonNode.Parse(Samples.Batch)!;
        batch["batchId"] = $"limits-{Guid.NewGuid():N}";
        batch["authority"] = "limits";
        return batch;
    }

    private async Task AssertRefusedAsync(string route, JsonNode body, string reason)
    {
        using var response = await PostAsync(route, Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends raw request bytes (head and body as given) and returns the status line of the answer.</summary>
    private async Task<(string StatusLine, string Answer)> RawAsync(string head, byte[] body, bool closeSending)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n"));
        await stream.WriteAsync(body);
        if (closeSending)
            client.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Append(buffer, 0, read);
            if (answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && answer.ToString().Contains("}", StringComparison.Ordinal))
                break;
        }
        var text = answer.ToString();
        return (text.Split("\r\n")[0], text);
    }

    [Fact]
    public async Task A_restriction_check_of_2_MB_is_413_with_problem_details()
    {
        using var response = await PostAsync("api/restrictions/check", Encoding.UTF8.GetBytes($"{{\"householdId\": \"{new string('h', 2_000_000)}\"}}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(413, (int)problem["status"]!);
        Assert.Equal("A restriction request is at most 1,048,576 bytes.", (string)problem["detail"]!);
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["title"]);
    }

    [Fact]
    public async Task A_flag_id_of_2000_characters_is_400_naming_the_limit()
    {
        var flag = Pipeline.Flag(new string('f', 2000), "h-long-flag", "dunkerque-css", "2022-01-01");

        await AssertRefusedAsync("api/eligibility", flag, "$.flagId: at most 64 characters (got 2,000)");
    }

    [Fact]
    public async Task A_batch_whose_operator_has_40000_characters_is_400_naming_the_limit()
    {
        var batch = await SampleBatchAsync();
        batch["operator"] = new string('o', 40_000);

        await AssertRefusedAsync("api/batches", batch, "$.operator: at most 64 characters (got 40,000)");
    }

    [Fact]
    public async Task A_batch_with_a_byte_order_mark_is_accepted()
    {
        var batch = await SampleBatchAsync();

        using var response = await PostAsync("api/batches", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(batch.ToJsonString())]);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_batch_over_100_MiB_by_its_Content_Length_is_413_with_problem_details()
    {
        var (status, answer) = await RawAsync(
            $"POST /api/batches HTTP/1.1\nHost: {host.BaseAddress.Authority}\nx-functions-key: {LocalHostProcess.FunctionKey}\nContent-Type: application/json\nContent-Length: {100L * 1024 * 1024 + 1}\n",
            [], closeSending: false);

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        Assert.Contains("application/problem+json", answer);
        Assert.Contains("A billing batch is at most 104,857,600 bytes.", answer);
    }

    [Fact]
    public async Task A_client_sending_less_than_its_Content_Length_then_nothing_gets_408_with_problem_details()
    {
        var (status, answer) = await RawAsync(
            $"POST /api/eligibility HTTP/1.1\nHost: {host.BaseAddress.Authority}\nx-functions-key: {LocalHostProcess.FunctionKey}\nContent-Type: application/json\nContent-Length: 100\n",
            "{\"flagId\":"u8.ToArray(), closeSending: false);

        var log = host.Log();
        Assert.True(status == "HTTP/1.1 408 Request Timeout", status + " " + log[Math.Max(0, log.Length - 3000)..]);
        Assert.Contains("application/problem+json", answer);
        Assert.True(host.IsRunning);
    }
}
