namespace Tariffs.Domain.Money;

/// <summary>
/// An amount of a currency. Arithmetic keeps full decimal precision; <see cref="Rounded"/> rounds to the
/// currency's minor unit, half away from zero, which the engine does once per bill and once per adjustment.
/// Adding amounts of different currencies throws.
/// </summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>This amount rounded to the currency's minor unit, half away from zero.</summary>
    public Money Rounded() => this with { Amount = Currency.Round(Amount) };

    /// <summary>This amount rounded and expressed in minor units, as stored.</summary>
    public long MinorUnits => Currency.ToMinorUnits(Amount);

    /// <summary>The amount a number of minor units of a currency represents.</summary>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(currency.FromMinorUnits(minorUnits), currency);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, Same(left, right));
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, Same(left, right));
    public static Money operator -(Money value) => value with { Amount = -value.Amount };

    public override string ToString() => $"{Amount:0.00##} {Currency.Code}";

    private static Currency Same(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency}.");
}
