using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tariffs.Functions.Reports;

/// <summary>
/// Content negotiation of the report routes: <c>?format=csv|json</c> wins; otherwise CSV when the <c>Accept</c>
/// header lists <c>text/csv</c> before (or without) <c>application/json</c>; JSON by default.
/// </summary>
public static class ReportFormat
{
    /// <summary>True for CSV; <paramref name="error"/> is set for an unknown <c>format</c> value.</summary>
    public static bool WantsCsv(HttpRequest request, out string? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        error = null;
        string? format = request.Query["format"];
        if (format is not null)
        {
            if (format.Equals("csv", StringComparison.OrdinalIgnoreCase))
                return true;
            if (format.Equals("json", StringComparison.OrdinalIgnoreCase))
                return false;
            error = $"format: '{format}' is neither csv nor json.";
            return false;
        }
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        var ranked = accepted.OrderByDescending(a => a.Quality ?? 1.0).ToList();
        var csv = ranked.FindIndex(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        var json = ranked.FindIndex(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return csv >= 0 && (json < 0 || csv < json);
    }
}
