using System.Globalization;
using System.Text;

namespace Tariffs.Domain.Engine;

/// <summary>
/// The inputs of one explanation term and the formula that combines them, so that a person can recompute it:
/// a formula with named placeholders (<c>"{quantity} m³ × ({social} − {standard})"</c>) and the value of each
/// placeholder in order of appearance. Rendering is deferred to <see cref="ToString"/> so pricing stays cheap.
/// </summary>
public sealed class Explanation
{
    private readonly decimal[] values;

    /// <summary>Creates a term; <paramref name="values"/> fill the placeholders of <paramref name="formula"/> in order.</summary>
    public Explanation(string formula, params decimal[] values)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(values);
        Formula = formula;
        this.values = values;
    }

    /// <summary>A term given as plain text, without inputs (braces in it are kept as they are).</summary>
    public static Explanation Literal(string text) => new(text) { literal = true };

    private bool literal;

    /// <summary>The formula with named placeholders in braces.</summary>
    public string Formula { get; }

    /// <summary>The formula with each placeholder replaced by its value (at most six decimals, invariant culture).</summary>
    public override string ToString()
    {
        if (literal)
            return Formula;
        var text = new StringBuilder(Formula.Length + 16 * values.Length);
        var i = 0;
        var at = 0;
        while (at < Formula.Length)
        {
            var open = Formula.IndexOf('{', at);
            var close = open < 0 ? -1 : Formula.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(Formula, at, Formula.Length - at);
                break;
            }
            text.Append(Formula, at, open - at);
            text.Append(i < values.Length ? Math.Round(values[i++], 6).ToString("0.######", CultureInfo.InvariantCulture) : "?");
            at = close + 1;
        }
        return text.ToString();
    }

}
