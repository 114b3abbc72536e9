using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Tariffs.Storage.Telemetry;
using Tariffs.Application.Telemetry;

namespace Tariffs.Application.Tests.Telemetry;

public sealed class StorageTransactionPolicyTests
{
    [Fact]
    public async Task Every_request_counts_one_and_an_entity_group_transaction_counts_one()
    {
        var service = $"table-{Guid.NewGuid():N}";
        using var recorder = new MeasurementRecorder("tariffs.storage.service", service);
        var handler = new CountingHandler();
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new StorageTransactionPolicy(service), HttpPipelinePosition.PerRetry);
        var table = new TableClient(new Uri("http://127.0.0.1:1/devstoreaccount1/ledger"), "ledger",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), options);

        await table.DeleteEntityAsync("p", "r1");
        await table.DeleteEntityAsync("p", "r2");
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}")));
        await Assert.ThrowsAnyAsync<Exception>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(3, handler.Requests);
        Assert.Equal(3, recorder.Sum("tariffs.storage.transactions"));
    }

    /// <summary>Answers every request: 204 to a delete, 400 to anything else (a transaction the test does not need to succeed).</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        private int requests;

        public int Requests => requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            return Task.FromResult(new HttpResponseMessage(request.Method == HttpMethod.Delete ? HttpStatusCode.NoContent : HttpStatusCode.BadRequest)
            {
                Content = new StringContent(""),
            });
        }
    }
}
