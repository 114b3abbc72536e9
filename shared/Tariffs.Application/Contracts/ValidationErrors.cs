using System.Globalization;
using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// Collects validation errors, each naming the JSON path of the bad field and what was expected
/// (for example <c>$.tariffs[0].versions[1].blocks[2].price: required</c>).
/// </summary>
public sealed class ValidationErrors
{
    private readonly List<string> errors = [];

    /// <summary>The errors so far, in the order found.</summary>
    public IReadOnlyList<string> All => errors;

    /// <summary>True when nothing was wrong.</summary>
    public bool IsEmpty => errors.Count == 0;

    /// <summary>Records that the field at the path is wrong, and why.</summary>
    public void Add(string path, string problem) => errors.Add($"{path}: {problem}");

    /// <summary>Returns the value, or records "required" and returns default when it is missing.</summary>
    public T? Required<T>(T? value, string path) where T : class
    {
        if (value is null || value is string { Length: 0 } || value is string s && string.IsNullOrWhiteSpace(s))
            Add(path, "required");
        return value;
    }

    /// <summary>Returns the value, or records "required" and returns null when it is missing.</summary>
    public T? Required<T>(T? value, string path) where T : struct
    {
        if (value is null)
            Add(path, "required");
        return value;
    }

    /// <summary>A required id (<see cref="InputLimits.MaxIdLength"/>, valid UTF-16, no control character).</summary>
    public string? Id(string? value, string path) => Limited(Required(value, path), path, InputLimits.MaxIdLength, controls: false);

    /// <summary>A required code (<see cref="InputLimits.MaxCodeLength"/>, valid UTF-16, no control character).</summary>
    public string? Code(string? value, string path) => Limited(Required(value, path), path, InputLimits.MaxCodeLength, controls: false);

    /// <summary>True when the value is a valid id (a refusal can be stored under it).</summary>
    public static bool IsId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value)
    {
        var errors = new ValidationErrors();
        errors.Id(value, "$");
        return errors.IsEmpty;
    }

    /// <summary>An optional id: null when absent, otherwise held to the limits of an id.</summary>
    public string? OptionalId(string? value, string path) => value is null ? null : Id(value, path);

    /// <summary>An optional code: null when absent, otherwise held to the limits of a code.</summary>
    public string? OptionalCode(string? value, string path) => value is null ? null : Code(value, path);

    /// <summary>Optional free text: at most <see cref="InputLimits.MaxTextLength"/> characters of valid UTF-16.</summary>
    public string? Text(string? value, string path) => Limited(value, path, InputLimits.MaxTextLength, controls: true);

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> (both included), when present.</summary>
    public decimal? InRange(decimal? value, decimal min, decimal max, string path)
    {
        if (value is { } v && (v < min || v > max))
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be from {min:#,0} to {max:#,0}"));
        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (both included), when present.</summary>
    public int? InRange(int? value, int min, int max, string path)
    {
        if (value is { } v && (v < min || v > max))
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be from {min:#,0} to {max:#,0}"));
        return value;
    }

    /// <summary>A date from <see cref="InputLimits.MinDate"/> to <see cref="InputLimits.MaxDate"/>, when present.</summary>
    public LocalDate? InRange(LocalDate? value, string path)
    {
        if (value is { } v && (v < InputLimits.MinDate || v > InputLimits.MaxDate))
            Add(path, DateRange);
        return value;
    }

    /// <summary>A date and time whose date is from <see cref="InputLimits.MinDate"/> to <see cref="InputLimits.MaxDate"/>, when present.</summary>
    public LocalDateTime? InRange(LocalDateTime? value, string path)
    {
        if (value is { } v && (v.Date < InputLimits.MinDate || v.Date > InputLimits.MaxDate))
            Add(path, DateRange);
        return value;
    }

    /// <summary>The date range, as errors state it.</summary>
    public static string DateRange { get; } = string.Create(CultureInfo.InvariantCulture,
        $"must be a date from {InputLimits.MinDate:yyyy-MM-dd} to {InputLimits.MaxDate:yyyy-MM-dd}");

    private string? Limited(string? value, string path, int maxLength, bool controls)
    {
        if (value is null)
            return null;
        if (value.Length > maxLength)
            Add(path, string.Create(CultureInfo.InvariantCulture, $"at most {maxLength} characters (got {value.Length:#,0})"));
        else if (InvalidUtf16At(value) is { } at)
            Add(path, string.Create(CultureInfo.InvariantCulture, $"not valid Unicode: a lone surrogate at character {at + 1}"));
        else if (!controls && value.Any(char.IsControl))
            Add(path, "must not contain control characters");
        return value;
    }

    /// <summary>The index of the first lone surrogate, or null when the text is valid UTF-16.</summary>
    private static int? InvalidUtf16At(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return i;
        }
        return null;
    }

    /// <summary>Reads a JSON document, or records why it cannot be read (the path and the reader's first sentence) and returns null.</summary>
    public T? Read<T>(string json, string what) where T : class
    {
        try
        {
            return Json.TariffsJson.Deserialize<T>(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            Add(e.Path ?? "$", $"not a readable {what}: {Json.TariffsJson.Reason(e)}");
            return null;
        }
    }

    /// <summary>One line with every error, separated by "; ".</summary>
    public override string ToString() => string.Join("; ", errors);
}
