using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tariffs.Application.Json;

namespace Tariffs.Functions.Hosting;

/// <summary>Reads a bounded request body as UTF-8 text.</summary>
public static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The body as text without its byte-order mark, or the problem to answer instead: 413 when it is longer than
    /// <paramref name="maxBytes"/> (by its Content-Length or as read), 400 when it is not valid UTF-8. The
    /// <paramref name="what"/> names the body in the problem's detail ("An eligibility flag").
    /// </summary>
    public static async Task<(string? Text, IActionResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return (null, Hosting.Problem.TooLarge(what, maxBytes));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return (null, Hosting.Problem.TooLarge(what, maxBytes));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (TariffsJson.WithoutByteOrderMark(StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)), null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, Hosting.Problem.Result(StatusCodes.Status400BadRequest, "Body not valid UTF-8",
                $"{what} is UTF-8 text; byte {e.Index:#,0} is not valid UTF-8."));
        }
    }
}
