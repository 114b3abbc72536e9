using System.Globalization;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>Command-line options of the form <c>--name value</c>.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    /// <summary>Parses <c>--name value</c> pairs; anything else is an error.</summary>
    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected --name value, got '{string.Join(' ', args[i..])}'.", nameof(args));
            options.values[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    /// <summary>Whether the option was given.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The option's value, or <paramref name="fallback"/>.</summary>
    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    /// <summary>The option's integer value, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
