namespace Tariffs.Testing.OpenApi;

/// <summary>
/// Holds every response that passes through it to an <see cref="OpenApiContract"/>: the status declared for the route
/// and method, the media type declared for that status, the JSON body valid against its schema (a 304 or a response the
/// document declares without content must have no body). A response that departs throws
/// <see cref="OpenApiContractException"/> naming the route, the status and each schema fault, so the test that sent the
/// request fails there. A request marked with <see cref="OutsideContract.Mark"/> (a test deliberately sending what the
/// document does not describe) is passed through unchecked, that request only.
/// </summary>
public sealed class ContractCheckingHandler : DelegatingHandler
{
    private readonly OpenApiContract contract;
    private readonly Lock gate = new();

    /// <summary>A handler checking against <paramref name="contract"/>, sending through <paramref name="inner"/> (a new <see cref="HttpClientHandler"/> when null).</summary>
    public ContractCheckingHandler(OpenApiContract contract, HttpMessageHandler? inner = null)
        : base(inner ?? new HttpClientHandler())
    {
        this.contract = contract ?? throw new ArgumentNullException(nameof(contract));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (OutsideContract.IsMarked(request))
            return response;
        // Buffers the body: the caller reads it again after the check.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> violations;
        lock (gate)
            violations = contract.Violations(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType, body);
        if (violations.Count == 0)
            return response;
        response.Dispose();
        throw new OpenApiContractException(request.Method.Method, request.RequestUri!.PathAndQuery, violations, body);
    }
}
