namespace Tariffs.EndToEnd.Tests;

/// <summary>Polls an asynchronous condition until it holds or a deadline passes (queues are asynchronous).</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T value;
        do
        {
            value = await probe();
            if (done(value))
                return value;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {value}");
    }
}
