using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tariffs.Application.Billing;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Tests.Billing;

/// <summary>Each input limit of a billing line, exactly at the limit (accepted) and one past it (refused, naming the path and the limit).</summary>
public class BillingLineValidatorTests
{
    private static JsonObject Line() => JsonNode.Parse("""
        {"lineNumber": 7, "householdId": "h-1", "accountId": "a-1", "area": "59183-A", "mainResidence": true, "persons": 3,
         "period": {"from": "2022-01-01", "to": "2022-12-31"}, "consumption": {"quantity": 120, "unit": "m3"},
         "tariffCode": "DOM", "billedAmount": 137.60}
        """)!.AsObject();

    private static LineValidation Validate(string json, int index = 0)
    {
        // As a chunk parses its lines.
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json), new JsonDocumentOptions { MaxDepth = InputLimits.MaxBatchDepth - 1 });
        return BillingLineValidator.Validate(document.RootElement.Clone(), index);
    }

    private static LineValidation Validate(JsonObject line) => Validate(line.ToJsonString());

    private static JsonObject With(string path, JsonNode? value)
    {
        var line = Line();
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(line, (node, name) => node[name]!.AsObject());
        parent[names[^1]] = value;
        return line;
    }

    public static TheoryData<string, JsonNode, JsonNode, string> Limits => new()
    {
        { "householdId", new string('h', 64), new string('h', 65), "$.lines[0].householdId: at most 64 characters (got 65)" },
        { "accountId", new string('a', 64), new string('a', 65), "$.lines[0].accountId: at most 64 characters (got 65)" },
        { "area", new string('z', 64), new string('z', 65), "$.lines[0].area: at most 64 characters (got 65)" },
        { "tariffCode", new string('T', 64), new string('T', 65), "$.lines[0].tariffCode: at most 64 characters (got 65)" },
        { "consumption.unit", new string('u', 64), new string('u', 65), "$.lines[0].consumption.unit: at most 64 characters (got 65)" },
        { "persons", 1, 0, "$.lines[0].persons: must be from 1 to 99" },
        { "persons", 99, 100, "$.lines[0].persons: must be from 1 to 99" },
        { "consumption.quantity", 0, -0.001m, "$.lines[0].consumption.quantity: must be from 0 to 1,000,000,000" },
        { "consumption.quantity", 1_000_000_000m, 1_000_000_000.001m, "$.lines[0].consumption.quantity: must be from 0 to 1,000,000,000" },
        { "billedAmount", -1_000_000_000m, -1_000_000_000.01m, "$.lines[0].billedAmount: must be from -1,000,000,000 to 1,000,000,000" },
        { "billedAmount", 1_000_000_000m, 1_000_000_000.01m, "$.lines[0].billedAmount: must be from -1,000,000,000 to 1,000,000,000" },
        { "lineNumber", 1, 0, "$.lines[0].lineNumber: must be from 1 to 2,147,483,647" },
        { "period.from", "1900-01-01", "1899-12-31", "$.lines[0].period.from: must be a date from 1900-01-01 to 2199-12-31" },
        { "period.to", "2199-12-31", "2200-01-01", "$.lines[0].period.to: must be a date from 1900-01-01 to 2199-12-31" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_value_at_its_limit_is_accepted_and_one_past_is_refused(string path, JsonNode atLimit, JsonNode pastLimit, string reason)
    {
        var from = path == "period.to" ? "1900-01-01" : null; // the period must not end before it starts
        var accepted = Validate(With(path, atLimit));
        var line = With(path, pastLimit);
        if (from is not null)
            line["period"]!["from"] = from;
        var refused = Validate(line);

        Assert.True(accepted.Line is not null, accepted.Reason);
        Assert.Null(refused.Line);
        Assert.Equal(reason, refused.Reason);
    }

    [Fact]
    public void The_largest_line_number_is_accepted_and_one_more_is_not_a_line_number()
    {
        var largest = Validate(With("lineNumber", int.MaxValue));
        var refused = Validate(With("lineNumber", 2_147_483_648L));

        Assert.Equal(int.MaxValue, largest.Line?.LineNumber);
        Assert.Null(refused.LineNumber);
        Assert.StartsWith("$.lines[0].lineNumber: The JSON value could not be converted", refused.Reason);
    }

    [Fact]
    public void A_member_the_contract_does_not_know_is_ignored_and_a_documented_one_in_another_case_is_not_read()
    {
        // Compatibility within version 1 (docs/api.md): a sender may add members; names are read as documented.
        var extended = Validate(With("tariffZone", "north"));
        var recased = Line();
        recased.Remove("persons");
        recased["Persons"] = 3;

        Assert.Null(extended.Reason);
        Assert.Equal(3, extended.Line!.Persons);
        Assert.Contains("$.lines[0].persons", Validate(recased).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reserved_area_of_the_total_is_refused()
    {
        var refused = Validate(With("area", "*"));

        Assert.Equal("$.lines[0].area: '*' is reserved (an authority's total in reports)", refused.Reason);
        Assert.Equal(7, refused.LineNumber);
    }

    [Theory]
    [InlineData("h\u0001x", "$.lines[0].householdId: must not contain control characters")]
    [InlineData("h\u007fx", "$.lines[0].householdId: must not contain control characters")]
    [InlineData("h\u0085x", "$.lines[0].householdId: must not contain control characters")]
    public void Ids_hold_no_control_character(string household, string reason) =>
        Assert.Equal(reason, Validate(With("householdId", household)).Reason);

    [Fact]
    public void A_lone_surrogate_is_refused_with_a_clear_reason_and_the_line_keeps_its_number()
    {
        var refused = Validate(Line().ToJsonString().Replace("\"h-1\"", "\"h-\\ud800\""));

        Assert.Equal("$.lines[0].householdId: not valid Unicode text (an invalid UTF-8 byte or a lone surrogate).", refused.Reason);
        Assert.Equal(7, refused.LineNumber);
    }

    [Fact]
    public void An_invalid_utf8_byte_is_refused_with_a_clear_reason_and_an_excerpt_that_can_be_stored()
    {
        var bytes = Encoding.UTF8.GetBytes(Line().ToJsonString().Replace("\"h-1\"", "\"h-#\""));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        using var document = JsonDocument.Parse(bytes);

        var refused = BillingLineValidator.Validate(document.RootElement, 3);

        Assert.Equal("$.lines[3]: not valid UTF-8 (an invalid byte sequence)", refused.Reason);
        Assert.Equal(7, refused.LineNumber);
        Assert.Contains("\"h-\uFFFD\"", BillingLineValidator.Excerpt(document.RootElement));
    }

    [Fact]
    public void A_date_in_year_minus_one_is_refused_as_a_date_not_read_as_year_two()
    {
        var refused = Validate(With("period.from", "-0001-01-01"));

        Assert.Equal("$.lines[0].period.from: A date is a string yyyy-MM-dd (a four-digit year) that exists in the calendar.", refused.Reason);
        Assert.DoesNotContain("0002", refused.Reason);
    }

    [Fact]
    public void A_line_with_an_unreadable_date_keeps_its_readable_number()
    {
        var line = With("period.to", "2022-02-30");
        line["lineNumber"] = 99_999;

        var refused = Validate(line.ToJsonString(), 4);

        Assert.Equal(99_999, refused.LineNumber);
        Assert.StartsWith("$.lines[4].period.to: A date is a string yyyy-MM-dd", refused.Reason);
    }

    [Theory]
    [InlineData("\"7\"", "$.lines[0].lineNumber: The JSON value could not be converted")]
    [InlineData("7.0", "$.lines[0].lineNumber: The JSON value could not be converted")]
    public void A_line_number_is_a_json_integer(string value, string reason)
    {
        var refused = Validate(Line().ToJsonString().Replace("\"lineNumber\":7", $"\"lineNumber\":{value}"));

        Assert.StartsWith(reason, refused.Reason);
        Assert.Null(refused.LineNumber);
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        var refused = Validate(Line().ToJsonString().Replace("\"lineNumber\"", "\"LineNumber\""));

        Assert.Equal("$.lines[0].lineNumber: required", refused.Reason);
        Assert.Null(refused.LineNumber);
    }

    [Fact]
    public void A_property_given_twice_is_refused_not_silently_overwritten()
    {
        var refused = Validate(Line().ToJsonString().Replace("\"persons\":3", "\"persons\":3,\"persons\":4"));
        var numberTwice = Validate(Line().ToJsonString().Replace("\"lineNumber\":7", "\"lineNumber\":7,\"lineNumber\":8"));

        Assert.StartsWith("$.lines[0].persons: Duplicate property 'persons'", refused.Reason);
        Assert.Equal(7, refused.LineNumber);
        Assert.Null(numberTwice.LineNumber);
        Assert.Null(numberTwice.Line);
    }

    [Fact]
    public void A_line_nested_deeper_than_the_limit_is_refused_on_its_own_with_its_number()
    {
        var nested = Line().ToJsonString().TrimEnd('}') + ",\"note\":" + new string('[', 100) + new string(']', 100) + "}";

        var refused = Validate(nested, 2);

        Assert.StartsWith("$.lines[2].note: The maximum configured depth of 64 has been exceeded", refused.Reason);
        Assert.Equal(7, refused.LineNumber);
    }
}
