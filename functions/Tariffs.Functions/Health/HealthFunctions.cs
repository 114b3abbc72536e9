using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Tariffs.Functions.Health;

/// <summary>Liveness probe: answers 200 without touching storage.</summary>
public sealed class HealthFunctions
{
    [Function(nameof(Health))]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
        => new OkObjectResult(new { status = "healthy" });
}
