using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tariffs.Application.Reports;
using Tariffs.Domain.Reports;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Reports;

/// <summary>
/// Paging of the report downloads, as on the rejections route: <c>limit</c> cells a page (JSON
/// <see cref="DefaultJsonLimit"/>, CSV <see cref="DefaultCsvLimit"/> so that a data portal gets one file, at most
/// <see cref="MaxLimit"/>), in key order; a page that is not the last names the next one in
/// <c>Link: &lt;…&gt;; rel="next"</c>, its <c>continuation</c> an opaque token of the last cell's key (the next page
/// starts after that key, so a cell released meanwhile is neither skipped nor repeated). JSON and CSV page alike.
/// </summary>
public static class ReportPaging
{
    /// <summary>Cells of a JSON page when the request names no <c>limit</c>.</summary>
    public const int DefaultJsonLimit = 1_000;

    /// <summary>Cells of a CSV page when the request names no <c>limit</c> (a whole report in one file up to the maximum).</summary>
    public const int DefaultCsvLimit = MaxLimit;

    /// <summary>Most cells a page may hold.</summary>
    public const int MaxLimit = 10_000;

    private const char Separator = '\n';

    private static readonly StringComparer Order = StringComparer.Ordinal;

    /// <summary>Reads <c>limit</c> and <c>continuation</c>; <paramref name="error"/> is the 400's detail when one is not valid.</summary>
    public static (int Limit, EquityCellKey? After) Read(HttpRequest request, bool csv, out string? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        error = null;
        string? limitText = request.Query["limit"];
        var limit = csv ? DefaultCsvLimit : DefaultJsonLimit;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            error = $"limit: '{limitText}' is not a whole number from 1 to {MaxLimit}.";
            return default;
        }
        string? continuation = request.Query["continuation"];
        if (continuation is null)
            return (limit, null);
        var parts = Continuation.Decode(continuation)?.Split(Separator);
        if (parts is not { Length: 4 })
        {
            error = "continuation: not one this route gave (pass the previous page's continuation as it is).";
            return default;
        }
        return (limit, new EquityCellKey(Period: parts[2], Service: parts[0], Authority: parts[1], Area: parts[3]));
    }

    /// <summary>
    /// The page of <paramref name="rows"/> (in key order, <see cref="EquityReportQuery"/>) after <paramref name="after"/>,
    /// at most <paramref name="limit"/> rows, and the continuation of the next page (null after the last).
    /// </summary>
    public static (IReadOnlyList<EquityReportRow> Page, string? Next) Take(IReadOnlyList<EquityReportRow> rows, EquityCellKey? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var start = after is { } key ? rows.TakeWhile(r => Compare(r.Key, key) <= 0).Count() : 0;
        var page = rows.Skip(start).Take(limit).ToList();
        var next = start + page.Count < rows.Count ? Token(page[^1].Key) : null;
        return (page, next);
    }

    /// <summary>
    /// The URL of the next page: this request's path and query with <paramref name="next"/> as its continuation (a
    /// function key passed as <c>code</c> is left out).
    /// </summary>
    public static string NextLink(HttpRequest request, string next)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder();
        foreach (var (name, values) in request.Query.Where(q => q.Key is not ("continuation" or "code")))
            foreach (var value in values)
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
        query.Append(query.Length == 0 ? '?' : '&').Append("continuation=").Append(next);
        return $"{request.PathBase}{request.Path}{query}";
    }

    private static string Token(EquityCellKey key) =>
        Continuation.Encode(string.Join(Separator, key.Service, key.Authority, key.Period, key.Area));

    /// <summary>The order of <see cref="EquityReportQuery.GetAsync"/>: service, authority, period, area.</summary>
    private static int Compare(EquityCellKey a, EquityCellKey b)
    {
        var c = Order.Compare(a.Service, b.Service);
        if (c == 0)
            c = Order.Compare(a.Authority, b.Authority);
        if (c == 0)
            c = Order.Compare(a.Period, b.Period);
        return c != 0 ? c : Order.Compare(a.Area, b.Area);
    }
}
