namespace Tariffs.Domain.Money;

/// <summary>
/// An ISO 4217 currency and the number of digits of its minor unit (2 for EUR, GBP and USD).
/// Two currencies are equal when their codes and minor digits are equal.
/// </summary>
public sealed record Currency
{
    /// <summary>Creates a currency; <paramref name="code"/> is three upper-case letters.</summary>
    public Currency(string code, int minorDigits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"'{code}' is not an ISO 4217 code.", nameof(code));
        ArgumentOutOfRangeException.ThrowIfNegative(minorDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorDigits, 4);
        Code = code;
        MinorDigits = minorDigits;
    }

    /// <summary>The three-letter ISO 4217 code.</summary>
    public string Code { get; }

    /// <summary>Digits after the decimal point in the minor unit.</summary>
    public int MinorDigits { get; }

    public static readonly Currency Eur = new("EUR", 2);
    public static readonly Currency Gbp = new("GBP", 2);
    public static readonly Currency Usd = new("USD", 2);

    /// <summary>Finds a supported currency by code; returns false for an unknown code.</summary>
    public static bool TryFind(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Currency? currency)
    {
        currency = code switch { "EUR" => Eur, "GBP" => Gbp, "USD" => Usd, _ => null };
        return currency is not null;
    }

    /// <summary>
    /// The supported currency of a stored or received code; throws <see cref="UnknownCurrencyException"/>, naming the
    /// code and <paramref name="where"/> it was read, for an unknown one. Every reader of a stored currency uses this.
    /// </summary>
    public static Currency Find(string? code, string where) =>
        TryFind(code, out var currency) ? currency : throw new UnknownCurrencyException(code ?? "", where);

    /// <summary>
    /// Rounds an amount to the minor unit, half away from zero, after dropping what lies beyond
    /// <see cref="ExactDigits"/> decimals: the last of decimal's 28 digits carry the remainders of prorating a period
    /// by days, so the same amount summed over more segments may come a hair short of a half (−26.3249…988 for
    /// −26.325); that noise never decides a cent, and cutting a period again never moves one.
    /// </summary>
    public decimal Round(decimal amount) =>
        Math.Round(amount.Scale > ExactDigits ? Math.Round(amount, ExactDigits, MidpointRounding.AwayFromZero) : amount, MinorDigits, MidpointRounding.AwayFromZero);

    /// <summary>Decimals an amount is exact to before it is rounded to the minor unit (see <see cref="Round"/>).</summary>
    private const int ExactDigits = 15;

    /// <summary>An amount already rounded to the minor unit, expressed in minor units (cents, pence).</summary>
    public long ToMinorUnits(decimal amount) => decimal.ToInt64(Round(amount) * Pow10(MinorDigits));

    /// <summary>The amount a number of minor units represents, with exactly <see cref="MinorDigits"/> decimals (3788.10).</summary>
    public decimal FromMinorUnits(long minorUnits) => minorUnits * MinorUnit;

    /// <summary>One minor unit with its scale: 0.01 for two digits.</summary>
    private decimal MinorUnit => MinorDigits switch { 0 => 1m, 1 => 0.1m, 2 => 0.01m, 3 => 0.001m, _ => 0.0001m };

    public override string ToString() => Code;

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };
}
