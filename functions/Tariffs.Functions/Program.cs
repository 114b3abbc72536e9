using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tariffs.Application.Json;
using Tariffs.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(TariffsJson.Options));
builder.Services.AddTariffsFunctions(builder.Configuration);
builder.Build().Run();
