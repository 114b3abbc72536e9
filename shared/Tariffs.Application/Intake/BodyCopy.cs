using System.Buffers;
using System.IO.Pipelines;

namespace Tariffs.Application.Intake;

/// <summary>Copies a request body to two readers at once, so that it is read once however many use it.</summary>
public static class BodyCopy
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="body"/> to its end and writes each buffer to both writers, then completes them; a reader
    /// that stops early (completes) is written no more, and the copy goes on for the other. A body that fails to read
    /// completes both writers with its exception (their readers throw it) and throws it.
    /// </summary>
    public static async Task ToBothAsync(Stream body, PipeWriter first, PipeWriter second, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            bool toFirst = true, toSecond = true;
            int read;
            while ((toFirst || toSecond) && (read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (toFirst)
                    toFirst = !(await first.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false)).IsCompleted;
                if (toSecond)
                    toSecond = !(await second.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false)).IsCompleted;
            }
        }
        catch (Exception e)
        {
            await first.CompleteAsync(e).ConfigureAwait(false);
            await second.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        await first.CompleteAsync().ConfigureAwait(false);
        await second.CompleteAsync().ConfigureAwait(false);
    }
}
