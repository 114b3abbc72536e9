using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Tariffs.Functions.Hosting;

FunctionsApplication.CreateBuilder(args).ConfigureTariffs().Build().Run();
