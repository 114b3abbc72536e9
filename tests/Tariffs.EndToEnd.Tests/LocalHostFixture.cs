using Azure.Data.Tables;
using Azure.Storage.Queues;
using Tariffs.Testing;

namespace Tariffs.EndToEnd.Tests;

/// <summary>
/// A private Azurite plus one local host process, shared by the end-to-end tests of the collection; the host
/// sends the adjustments of operator <see cref="WebhookOperator"/> to <see cref="Webhook"/>.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime, ITariffsService
{
    /// <summary>The operator whose adjustments go to <see cref="Webhook"/>.</summary>
    public const string WebhookOperator = "webhook-op";

    /// <summary>Role-mapped API keys the host is started with (LocalHost:ApiKeys), by role.</summary>
    public static IReadOnlyDictionary<string, string> RoleKeys { get; } = new Dictionary<string, string>
    {
        ["regulator"] = "e2e-regulator-key",
        ["operator"] = "e2e-operator-key",
        ["social-services"] = "e2e-social-services-key",
        ["public"] = "e2e-public-key",
    };

    /// <summary>
    /// Scoped keys (LocalHost:ApiKeys), by caller name (the key is <c>e2e-{name}-key</c>): two operators, two agencies
    /// and two regulators, each bound to its own operator id, agency, or authority and jurisdictions (AccessTableTests).
    /// </summary>
    public static IReadOnlyDictionary<string, (string Role, string Scope, string[] Values)> ScopedKeys { get; } =
        new Dictionary<string, (string, string, string[])>
        {
            ["op-a"] = ("operator", "Operators", ["op-a"]),
            ["op-b"] = ("operator", "Operators", ["op-b"]),
            ["agency-a"] = ("social-services", "Agencies", ["agency-a"]),
            ["agency-b"] = ("social-services", "Agencies", ["agency-b"]),
            ["regulator-a"] = ("regulator", "Authorities", ["acl-auth-a"]),
            ["regulator-b"] = ("regulator", "Authorities", ["acl-auth-b"]),
        };

    /// <summary>The jurisdictions (restriction rules) and standards schemes of the scoped regulators.</summary>
    public static IReadOnlyDictionary<string, string[]> RegulatorJurisdictions { get; } = new Dictionary<string, string[]>
    {
        ["regulator-a"] = ["acl-j-a", "acl-scheme-a"],
        ["regulator-b"] = ["acl-j-b", "acl-scheme-b"],
    };

    /// <summary>The key of a scoped caller.</summary>
    public static string KeyOf(string caller) => $"e2e-{caller}-key";

    private readonly AzuriteFixture azurite = new();
    private LocalHostProcess host = null!;

    public string ConnectionString => azurite.ConnectionString;
    public HttpClient Anonymous => host.Anonymous;
    public HttpClient Authorised => host.Authorised;
    public bool IsRunning => host.IsRunning;
    public Uri BaseAddress => host.BaseAddress;

    /// <summary>The host's output so far.</summary>
    public string Log() => host.Log();
    public TableServiceClient Tables => new(ConnectionString);

    /// <summary>The webhook of operator <see cref="WebhookOperator"/>, a real local HTTP server.</summary>
    public WebhookReceiver Webhook { get; } = new();

    /// <summary>A new client without key, its responses held to the served OpenAPI document; the caller disposes it.</summary>
    public HttpClient NewClient() => host.NewClient();

    /// <summary>A new client sending <paramref name="key"/> in <c>x-functions-key</c>, its responses held to the served OpenAPI document; the caller disposes it.</summary>
    public HttpClient WithKey(string key)
    {
        var client = host.NewClient();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    public QueueClient Queue(string name) => Storage.Queue(ConnectionString, name);

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        host = await LocalHostProcess.StartAsync(ConnectionString,
        [
            $"--Tariffs:Webhooks:Operators:{WebhookOperator}:Url={Webhook.Url}",
            $"--Tariffs:Webhooks:Operators:{WebhookOperator}:Secrets:0={WebhookReceiver.Secret}",
            $"--Tariffs:Webhooks:Operators:{WebhookOperator}:Secrets:1={WebhookReceiver.PreviousSecret}",
            "--Tariffs:Webhooks:RetryBaseDelay=00:00:00.05",
            "--Tariffs:Webhooks:Retries=3",
            "--Tariffs:Webhooks:BreakFor=00:00:01",
            // The role keys act for every object of their role (wildcard scopes), as before scopes existed.
            .. RoleKeys.SelectMany((pair, i) => new[]
            {
                $"--LocalHost:ApiKeys:{i}:Name=e2e-{pair.Key}",
                $"--LocalHost:ApiKeys:{i}:Key={pair.Value}",
                $"--LocalHost:ApiKeys:{i}:Roles:0={pair.Key}",
                $"--LocalHost:ApiKeys:{i}:Scopes:Operators:0=*",
                $"--LocalHost:ApiKeys:{i}:Scopes:Agencies:0=*",
                $"--LocalHost:ApiKeys:{i}:Scopes:Authorities:0=*",
                $"--LocalHost:ApiKeys:{i}:Scopes:Jurisdictions:0=*",
            }),
            .. ScopedKeys.SelectMany((pair, j) =>
            {
                var i = RoleKeys.Count + j;
                return new[]
                {
                    $"--LocalHost:ApiKeys:{i}:Name={pair.Key}",
                    $"--LocalHost:ApiKeys:{i}:Key={KeyOf(pair.Key)}",
                    $"--LocalHost:ApiKeys:{i}:Roles:0={pair.Value.Role}",
                }
                .Concat(pair.Value.Values.Select((v, k) => $"--LocalHost:ApiKeys:{i}:Scopes:{pair.Value.Scope}:{k}={v}"))
                .Concat(RegulatorJurisdictions.GetValueOrDefault(pair.Key, []).Select((v, k) => $"--LocalHost:ApiKeys:{i}:Scopes:Jurisdictions:{k}={v}"));
            }),
        ]);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Webhook.Dispose();
        await azurite.DisposeAsync();
    }
}
