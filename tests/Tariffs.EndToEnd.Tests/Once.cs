namespace Tariffs.EndToEnd.Tests;

/// <summary>Runs a dataset's load once per test run, for whichever test asks first; a load that fails is tried again by the next.</summary>
public sealed class Once
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool done;

    /// <summary>Runs <paramref name="load"/> unless it already completed.</summary>
    public async Task RunAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        await gate.WaitAsync();
        try
        {
            if (done)
                return;
            await load();
            done = true;
        }
        finally
        {
            gate.Release();
        }
    }
}
