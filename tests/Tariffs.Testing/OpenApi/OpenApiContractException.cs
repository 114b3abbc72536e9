namespace Tariffs.Testing.OpenApi;

/// <summary>A response of the host departs from its OpenAPI document (thrown by <see cref="ContractCheckingHandler"/>).</summary>
public sealed class OpenApiContractException : Exception
{
    private const int ShownBody = 2000;

    /// <summary>The faults of the response to <paramref name="method"/> <paramref name="pathAndQuery"/>, with the start of its body.</summary>
    public OpenApiContractException(string method, string pathAndQuery, IReadOnlyList<string> violations, string body)
        : base($"The response to {method} {pathAndQuery} departs from the OpenAPI document:{Environment.NewLine}"
               + string.Join(Environment.NewLine, (violations ?? throw new ArgumentNullException(nameof(violations))).Select(v => "  " + v))
               + $"{Environment.NewLine}body: {(body.Length > ShownBody ? body[..ShownBody] + "…" : body)}")
    {
        Violations = violations;
    }

    public OpenApiContractException()
    {
        Violations = [];
    }

    public OpenApiContractException(string message) : base(message)
    {
        Violations = [];
    }

    public OpenApiContractException(string message, Exception innerException) : base(message, innerException)
    {
        Violations = [];
    }

    /// <summary>Each way the response departs, as <see cref="OpenApiContract.Violations"/> gives them.</summary>
    public IReadOnlyList<string> Violations { get; }
}
