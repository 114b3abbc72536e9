using System.IO.Pipelines;
using Tariffs.Application.Intake;

namespace Tariffs.Application.Tests.Intake;

/// <summary>A posted body is read once and reaches both its readers whole, whatever one of them does.</summary>
public sealed class BodyCopyTests
{
    /// <summary>Larger than a pipe holds before the copy waits (64 KB), so each reader must keep reading for the other to get everything.</summary>
    private static byte[] Content(int length, int seed)
    {
        var content = new byte[length];
        new Random(seed).NextBytes(content);
        return content;
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        await using var stream = reader.AsStream();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 70_000)]
    [InlineData(3, 1)]
    public async Task Both_readers_receive_every_byte_of_a_body_read_in_pieces(int seed, int maxRead)
    {
        var content = Content(600_000, seed);
        var first = new Pipe();
        var second = new Pipe();

        var copying = BodyCopy.ToBothAsync(new TricklingStream(content, seed, maxRead), first.Writer, second.Writer, CancellationToken.None);
        var reads = await Task.WhenAll(ReadAllAsync(first.Reader), ReadAllAsync(second.Reader)).WaitAsync(TimeSpan.FromSeconds(30));
        await copying;

        Assert.Equal(content, reads[0]);
        Assert.Equal(content, reads[1]);
    }

    [Fact]
    public async Task A_reader_that_stops_early_is_written_no_more_and_the_other_still_gets_the_whole_body()
    {
        var content = Content(500_000, 4);
        var stopping = new Pipe();
        var reading = new Pipe();

        var copying = BodyCopy.ToBothAsync(new TricklingStream(content, 4, 9_000), stopping.Writer, reading.Writer, CancellationToken.None);
        var stopped = Task.Run(async () =>
        {
            var result = await stopping.Reader.ReadAsync();
            var seen = result.Buffer.Length;
            await stopping.Reader.CompleteAsync(); // as a scan that finds the document unreadable does
            return seen;
        });
        var whole = await ReadAllAsync(reading.Reader);
        await copying.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(await stopped, 1, content.Length);
        Assert.Equal(content, whole);
    }

    [Fact]
    public async Task A_body_that_fails_fails_both_readers_and_the_copy_with_its_exception()
    {
        var first = new Pipe();
        var second = new Pipe();

        // A body whose connection drops after its first bytes.
        var body = new Pipe();
        await body.Writer.WriteAsync(Content(10_000, 5));
        await body.Writer.CompleteAsync(new IOException("the connection was reset"));

        var copying = BodyCopy.ToBothAsync(body.Reader.AsStream(), first.Writer, second.Writer, CancellationToken.None);

        var reads = new[] { ReadAllAsync(first.Reader), ReadAllAsync(second.Reader) };

        await Assert.ThrowsAsync<IOException>(() => copying.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<IOException>(() => reads[0]);
        await Assert.ThrowsAsync<IOException>(() => reads[1]);
    }
}
