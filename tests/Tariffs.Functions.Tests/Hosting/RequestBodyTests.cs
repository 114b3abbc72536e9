using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tariffs.Functions.Hosting;

namespace Tariffs.Functions.Tests.Hosting;

/// <summary>A small JSON body: at its size limit it is read, one byte past it answers 413, and bytes that are not UTF-8 answer 400, both as problem details.</summary>
public sealed class RequestBodyTests
{
    private const int Limit = 1024;

    private static HttpRequest Request(byte[] body, bool withLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        if (withLength)
            context.Request.ContentLength = body.Length;
        return context.Request;
    }

    private static Task<(string? Text, IActionResult? Problem)> ReadAsync(HttpRequest request) =>
        RequestBody.ReadAsync(request, Limit, "A restriction request", CancellationToken.None);

    private static ProblemDetails ProblemOf(IActionResult? result, int status)
    {
        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, problem.StatusCode);
        Assert.Contains(Problem.ContentType, problem.ContentTypes);
        var details = Assert.IsType<ProblemDetails>(problem.Value);
        Assert.Equal(status, details.Status);
        return details;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_at_the_limit_is_read_and_one_byte_more_is_413(bool withLength)
    {
        var (text, none) = await ReadAsync(Request(Encoding.UTF8.GetBytes(new string('x', Limit)), withLength));
        var (_, problem) = await ReadAsync(Request(Encoding.UTF8.GetBytes(new string('x', Limit + 1)), withLength));

        Assert.Null(none);
        Assert.Equal(Limit, text!.Length);
        Assert.Equal("A restriction request is at most 1,024 bytes.", ProblemOf(problem, StatusCodes.Status413PayloadTooLarge).Detail);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_400_naming_the_byte()
    {
        var (_, problem) = await ReadAsync(Request([(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)'}']));

        Assert.Equal("A restriction request is UTF-8 text; byte 2 is not valid UTF-8.", ProblemOf(problem, StatusCodes.Status400BadRequest).Detail);
    }

    [Fact]
    public async Task A_byte_order_mark_is_dropped()
    {
        var (text, problem) = await ReadAsync(Request([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']));

        Assert.Null(problem);
        Assert.Equal("{}", text);
    }
}
