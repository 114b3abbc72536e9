using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Tests.Tables;

public class RowKeysTests
{
    [Theory]
    [InlineData("col/1", "col~2F1")]
    [InlineData("col#1", "col~231")]
    [InlineData("a\\b?c", "a~5Cb~3Fc")]
    [InlineData("h|f|x", "h~7Cf~7Cx")]
    [InlineData("50%~", "50~25~7E")]
    [InlineData("tab\there\u0085", "tab~09here~85")]
    [InlineData("HH-0042 é中", "HH-0042 é中")]
    public void A_part_escapes_exactly_the_characters_keys_cannot_hold_the_separator_the_escape_and_percent(string id, string part)
    {
        Assert.Equal(part, RowKeys.Part(id));
        Assert.Equal(id, RowKeys.Decode(part));
    }

    [Fact]
    public void A_whole_key_keeps_the_separator()
    {
        Assert.Equal("line|0000000002", RowKeys.Whole("line|0000000002"));
        Assert.Equal("b|~2F1", RowKeys.Whole("b|/1"));
    }

    [Fact]
    public void Ids_that_differ_only_in_characters_keys_cannot_hold_get_different_keys()
    {
        Assert.NotEqual(RowKeys.Whole("col/1"), RowKeys.Whole("col#1"));
        Assert.NotEqual(RowKeys.Whole("col/1"), RowKeys.Whole("col_1"));
        Assert.NotEqual(RowKeys.Join("R/1", "x"), RowKeys.Join("R#1", "x"));
    }

    [Fact]
    public void A_separator_inside_an_id_does_not_move_the_boundary_between_parts()
    {
        // household "h|f|x" with flag "y" and household "h" with flag "x|f|y"
        Assert.NotEqual(RowKeys.Join("h|f|x", "f", "y"), RowKeys.Join("h", "f", "x|f|y"));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("a~7")]
    [InlineData("~7c")]
    [InlineData("~G1")]
    public void A_malformed_escape_is_not_a_key_an_id_encodes_to(string key) =>
        Assert.Throws<FormatException>(() => RowKeys.Decode(key));
}
