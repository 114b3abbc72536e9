using System.Diagnostics;

namespace Tariffs.Application.Telemetry;

/// <summary>Spans of a unit of work's timing, for its log line: each lap measures from a mark that then moves to now.</summary>
public static class Laps
{
    /// <summary>Milliseconds since <paramref name="mark"/> (a <see cref="Stopwatch.GetTimestamp"/>), which moves to now.</summary>
    public static long Next(ref long mark)
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = (long)Stopwatch.GetElapsedTime(mark, now).TotalMilliseconds;
        mark = now;
        return elapsed;
    }
}
