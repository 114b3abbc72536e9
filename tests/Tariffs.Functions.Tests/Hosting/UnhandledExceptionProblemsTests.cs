using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Tariffs.Functions.Hosting;
using Tariffs.Functions.OpenApi;
using Tariffs.Testing.OpenApi;

namespace Tariffs.Functions.Tests.Hosting;

/// <summary>
/// In Azure, an exception escaping an HTTP function is answered by the worker middleware: 500, problem details with the
/// invocation id as correlation id, nothing of the exception, as the OpenAPI document declares every route's 500.
/// </summary>
public class UnhandledExceptionProblemsTests
{
    private const string Secret = "connection string AccountKey=hunter2";

    [Fact]
    public async Task An_unhandled_exception_in_an_http_function_answers_500_problem_details_with_a_correlation_id_and_no_stack()
    {
        var http = new DefaultHttpContext { Request = { Method = "GET", Path = "/api/batches/b1" } };
        http.Response.Body = new MemoryStream();
        var context = new FakeFunctionContext("7f3c2d1e-0000-4000-8000-000000000001", http);

        await new UnhandledExceptionProblems(NullLogger<UnhandledExceptionProblems>.Instance)
            .Invoke(context, _ => throw new InvalidOperationException(Secret));

        var body = Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType?.Split(';')[0]);
        Assert.Equal(("urn:tariffs:problem:internal", 500, "7f3c2d1e-0000-4000-8000-000000000001"),
            ((string?)problem["type"], (int?)problem["status"], (string?)problem["correlationId"]));
        Assert.Contains("7f3c2d1e-0000-4000-8000-000000000001", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.Empty(new OpenApiContract(OpenApiFunctions.Build()).Violations("GET", "/api/batches/b1", 500, "application/problem+json", body));
    }

    [Fact]
    public async Task An_exception_in_a_function_without_http_is_rethrown_for_the_host_to_retry()
    {
        var context = new FakeFunctionContext("7f3c2d1e-0000-4000-8000-000000000002", http: null);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => new UnhandledExceptionProblems(NullLogger<UnhandledExceptionProblems>.Instance)
            .Invoke(context, _ => throw new InvalidOperationException(Secret)));

        Assert.Equal(Secret, thrown.Message);
    }

    /// <summary>A function invocation, with the HTTP context where the ASP.NET Core integration puts it.</summary>
    private sealed class FakeFunctionContext : FunctionContext
    {
        public FakeFunctionContext(string invocationId, HttpContext? http)
        {
            InvocationId = invocationId;
            if (http is not null)
                Items["HttpRequestContext"] = http;
        }

        public override string InvocationId { get; }
        public override string FunctionId => "function";
        public override TraceContext TraceContext => null!;
        public override BindingContext BindingContext => null!;
        public override RetryContext RetryContext => null!;
        public override IServiceProvider InstanceServices { get; set; } = null!;
        public override FunctionDefinition FunctionDefinition => null!;
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => null!;
    }
}
