using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Tariffs.Application.Intake;
using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Intake;

/// <summary>
/// A process prices at most <see cref="IntakeOptions.ChunksInFlight"/> chunks at once, whatever the queue trigger
/// delivers together: the others wait before their bytes are read, so the memory of pricing is bounded by that many chunks.
/// </summary>
public sealed class ChunksInFlightTests
{
    /// <summary>Documents whose range reads take a while and count how many are under way at once; each read then fails.</summary>
    private sealed class CountingDocuments(IBatchDocuments inner) : IBatchDocuments
    {
        private int reading;

        /// <summary>The most range reads under way at once.</summary>
        public int MostAtOnce { get; private set; }

        public Task UploadAsync(string name, Stream content, CancellationToken cancellationToken) => inner.UploadAsync(name, content, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);

        public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken) => inner.OpenReadAsync(name, cancellationToken);

        public async Task<byte[]> ReadRangeAsync(string name, long offset, int length, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref reading);
            lock (this)
                MostAtOnce = Math.Max(MostAtOnce, now);
            await Task.Delay(100, cancellationToken);
            Interlocked.Decrement(ref reading);
            throw new IOException("the blob is unavailable (test)");
        }
    }

    [Fact]
    public async Task Six_chunks_delivered_together_are_read_two_at_a_time_when_two_may_be_in_flight()
    {
        using var app = new InMemoryTariffs(new FakeClock(Instant.FromUtc(2023, 1, 10, 8, 0)),
            new Dictionary<string, string?> { ["Tariffs:Intake:ChunksInFlight"] = "2" });
        var documents = new CountingDocuments(app.BatchDocuments);
        var intake = ActivatorUtilities.CreateInstance<BatchIntake>(app.Services, documents);

        var chunks = Enumerable.Range(0, 6).Select(c => intake.ProcessChunkAsync(
            new ChunkMessage("b-1", "op", "dunkerque", "water", "EUR", "incoming/b-1.json", c, c * 100L, 100, c * 10, 10), CancellationToken.None)).ToList();

        foreach (var chunk in chunks)
            await Assert.ThrowsAsync<IOException>(() => chunk);
        Assert.Equal(2, documents.MostAtOnce);
    }
}
