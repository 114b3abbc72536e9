using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tariffs.Application.Json;
using Tariffs.Functions;
using Tariffs.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(TariffsJson.Options));
builder.Services.AddTariffsFunctions(builder.Configuration);
// OpenTelemetry (Application Insights when configured), correlated with the host's invocation traces.
builder.Services.AddTariffsTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
builder.Build().Run();
