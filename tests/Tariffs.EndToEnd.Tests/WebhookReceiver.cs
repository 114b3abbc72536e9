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
    /// <summary>The operator's current secret (Standard Webhooks notation).</summary>
    public static readonly string Secret = "whsec_" + Convert.ToBase64String("tariffs-e2e-webhook-secret-current"u8);

    /// <summary>The operator's previous secret, still configured during a rotation: every delivery is signed with both.</summary>
    public static readonly string PreviousSecret = "whsec_" + Convert.ToBase64String("tariffs-e2e-webhook-secret-previous"u8);

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
                    context.Request.Headers["webhook-id"] ?? "",
                    context.Request.Headers["webhook-timestamp"] ?? "",
                    context.Request.Headers["webhook-signature"] ?? "",
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

    /// <summary>A delivery as received: its Standard Webhooks headers (id, timestamp, signature) and body.</summary>
    public sealed record Received(string DeliveryId, string Timestamp, string Signature, string Body);
}
