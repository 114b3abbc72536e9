using System.Collections.Concurrent;
using System.Net;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// A real local HTTP server standing in for an operator's webhook: it records what it receives and can be
/// told to fail the next n requests, or every request, with 503.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    public const string Secret = "e2e-webhook-secret";

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private int failNext;

    public WebhookReceiver()
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/hook/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Deliveries answered 200: headers and body.</summary>
    public ConcurrentQueue<Received> Accepted { get; } = new();

    /// <summary>Requests answered 503.</summary>
    public int Refused => refused;

    private int refused;

    /// <summary>Fails every request while true.</summary>
    public bool Down { get; set; }

    public void FailNext(int count) => Interlocked.Exchange(ref failNext, count);

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Down || Interlocked.Decrement(ref failNext) >= 0)
            {
                Interlocked.Increment(ref refused);
                context.Response.StatusCode = 503;
            }
            else
            {
                Accepted.Enqueue(new Received(
                    context.Request.Headers["X-Tariffs-Delivery"] ?? "",
                    long.Parse(context.Request.Headers["X-Tariffs-Timestamp"] ?? "0", System.Globalization.CultureInfo.InvariantCulture),
                    context.Request.Headers["X-Tariffs-Signature"] ?? "",
                    body));
                context.Response.StatusCode = 200;
            }
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
    }

    public sealed record Received(string DeliveryId, long Timestamp, string Signature, string Body);
}
