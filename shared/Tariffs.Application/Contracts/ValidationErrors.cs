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

    /// <summary>Reads a JSON document, or records why it cannot be read (the path and the reader's first sentence) and returns null.</summary>
    public T? Read<T>(string json, string what) where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(json, Json.TariffsJson.Options);
        }
        catch (System.Text.Json.JsonException e)
        {
            Add(e.Path ?? "$", $"not a readable {what}: {e.Message.Split(". ")[0]}.");
            return null;
        }
    }

    /// <summary>One line with every error, separated by "; ".</summary>
    public override string ToString() => string.Join("; ", errors);
}
