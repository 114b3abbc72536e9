using System.Net;
using System.Text;

namespace Tariffs.Functions.Tests.OpenApi;

/// <summary>Answers every request with one status and body (JSON when there is one, empty otherwise).</summary>
internal sealed class CannedAnswerHandler(HttpStatusCode status, string? body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = body is null ? new ByteArrayContent([]) : new StringContent(body, Encoding.UTF8, "application/json"),
        });
}
