using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tariffs.Functions;

/// <summary>Registers everything the function classes need; shared by the Azure worker and the local host.</summary>
public static class TariffsFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddTariffsFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
