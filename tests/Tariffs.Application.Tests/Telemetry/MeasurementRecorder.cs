using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tariffs.Application.Telemetry;

namespace Tariffs.Application.Tests.Telemetry;

/// <summary>
/// Listens in process to the <see cref="TariffsTelemetry.Meter"/> counters and sums what is measured with one tag
/// value (so that tests running in parallel, measuring with other values, do not disturb each other).
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> sums = new();

    public MeasurementRecorder(string tagKey, string tagValue)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TariffsTelemetry.Name)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == tagKey && Equals(tag.Value, tagValue))
                    sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        });
        listener.Start();
    }

    /// <summary>The sum measured so far on the instrument named <paramref name="instrument"/>.</summary>
    public long Sum(string instrument) => sums.GetValueOrDefault(instrument);

    public void Dispose() => listener.Dispose();
}
