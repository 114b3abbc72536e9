namespace Tariffs.Testing.OpenApi;

/// <summary>
/// The opt-out of <see cref="ContractCheckingHandler"/> for one request: a test that deliberately sends what the OpenAPI
/// document does not describe (an unknown route, a body past the host's limits) marks that request, and only it.
/// </summary>
public static class OutsideContract
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("Tariffs.OutsideContract");

    /// <summary>Marks <paramref name="request"/> as outside the contract; returns it.</summary>
    public static HttpRequestMessage Mark(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, true);
        return request;
    }

    /// <summary>True when <paramref name="request"/> was marked.</summary>
    public static bool IsMarked(HttpRequestMessage request) =>
        request is not null && request.Options.TryGetValue(Key, out var marked) && marked;
}
