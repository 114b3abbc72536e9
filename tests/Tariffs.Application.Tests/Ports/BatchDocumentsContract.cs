using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Ports;

/// <summary>
/// The one contract of <see cref="IBatchDocuments"/>, run against the in-memory and the Blob adapter: the bytes stored
/// are the bytes read back, whole or by range; uploading again replaces a document whole; a missing document opens as
/// null, deleting it is harmless, and reading a range of it or beyond a document's end fails.
/// </summary>
public abstract class BatchDocumentsContract
{
    /// <summary>A store, maybe shared with other tests (each test uses names of its own).</summary>
    protected abstract Task<IBatchDocuments> NewDocumentsAsync();

    private static string Unique() => $"t/{Guid.NewGuid():N}.json";

    /// <summary>Bytes 0, 1, …, 250, 0, 1, … (a prime period: a misplaced range cannot match by chance).</summary>
    private static byte[] Content(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];

    private static async Task<byte[]> ReadAllAsync(IBatchDocuments documents, string name)
    {
        await using var stream = await documents.OpenReadAsync(name, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task The_bytes_stored_are_read_back_whole_and_by_range()
    {
        var documents = await NewDocumentsAsync();
        var name = Unique();
        var content = Content(5 * 1024 * 1024 + 17); // beyond one 4 MiB transfer block and one 1 MiB read buffer

        await documents.UploadAsync(name, new MemoryStream(content), CancellationToken.None);

        Assert.Equal(content, await ReadAllAsync(documents, name));
        Assert.Equal(content[..100], await documents.ReadRangeAsync(name, 0, 100, CancellationToken.None));
        Assert.Equal(content[4_194_300..4_194_310], await documents.ReadRangeAsync(name, 4_194_300, 10, CancellationToken.None));
        Assert.Equal(content[^17..], await documents.ReadRangeAsync(name, content.Length - 17, 17, CancellationToken.None));
    }

    [Fact]
    public async Task Uploading_again_replaces_the_document_whole()
    {
        var documents = await NewDocumentsAsync();
        var name = Unique();
        await documents.UploadAsync(name, new MemoryStream(Content(1_000)), CancellationToken.None);

        await documents.UploadAsync(name, new MemoryStream("{\"lines\":[]}"u8.ToArray()), CancellationToken.None);

        Assert.Equal("{\"lines\":[]}"u8.ToArray(), await ReadAllAsync(documents, name));
    }

    [Fact]
    public async Task A_missing_document_opens_as_null_and_deleting_it_is_harmless()
    {
        var documents = await NewDocumentsAsync();
        var name = Unique();

        Assert.Null(await documents.OpenReadAsync(name, CancellationToken.None));
        await documents.DeleteAsync(name, CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => documents.ReadRangeAsync(name, 0, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_document_is_gone()
    {
        var documents = await NewDocumentsAsync();
        var (name, other) = (Unique(), Unique());
        await documents.UploadAsync(name, new MemoryStream(Content(10)), CancellationToken.None);
        await documents.UploadAsync(other, new MemoryStream(Content(20)), CancellationToken.None);

        await documents.DeleteAsync(name, CancellationToken.None);

        Assert.Null(await documents.OpenReadAsync(name, CancellationToken.None));
        Assert.Equal(Content(20), await ReadAllAsync(documents, other));
    }

    [Fact]
    public async Task Reading_a_range_beyond_the_end_fails()
    {
        var documents = await NewDocumentsAsync();
        var name = Unique();
        await documents.UploadAsync(name, new MemoryStream(Content(100)), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => documents.ReadRangeAsync(name, 90, 11, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => documents.ReadRangeAsync(name, 100, 1, CancellationToken.None));
    }
}
