using Tariffs.Functions.OpenApi;
using Tariffs.Testing;

namespace Tariffs.Functions.Tests.OpenApi;

/// <summary>
/// The generated client (tests/Tariffs.ApiClient, Kiota at build time) is generated from a copy of the served document,
/// which must be the document served now: refresh it with <c>TARIFFS_UPDATE_OPENAPI=1</c> when the contract changes.
/// </summary>
public class OpenApiClientCopyTests
{
    [Fact]
    public void The_client_s_copy_of_the_document_is_the_served_document()
    {
        var copy = Path.Combine(RepositoryRoot.Find(), "tests", "Tariffs.ApiClient", "openapi.json");
        if (Environment.GetEnvironmentVariable("TARIFFS_UPDATE_OPENAPI") == "1")
            File.WriteAllText(copy, OpenApiFunctions.Served);

        Assert.True(File.Exists(copy) && File.ReadAllText(copy) == OpenApiFunctions.Served,
            $"{copy} is not the served document: run this test with TARIFFS_UPDATE_OPENAPI=1 and rebuild the client.");
    }
}
