using System.Net;
using System.Net.Sockets;

namespace Tariffs.Testing;

/// <summary>Picks TCP ports on 127.0.0.1 that were free at the moment of asking (another process may still take them before use).</summary>
public static class FreePort
{
    /// <summary>Returns one port on 127.0.0.1 that the operating system reported free.</summary>
    public static int Next() => Next(1)[0];

    /// <summary>Returns <paramref name="count"/> distinct ports on 127.0.0.1, all held open together while picking so none repeats.</summary>
    /// <param name="count">How many ports to pick; at least 1.</param>
    public static IReadOnlyList<int> Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
