using System;
using System.Collections.Generic;
using RotationOps.Module.Tests.Infrastructure;

namespace RotationOps.Module.Tests;

public sealed class Psd1ReaderTests
{
    [Fact]
    public void It_reads_the_manifest_data_language()
    {
        var table = Psd1Reader.ReadHashtable("""
            # leading comment
            @{
                Name = 'it''s'; Count = 3
                <# block
                   comment #>
                "Quoted Key" = "a`tb"
                List = @(
                    'x'   # trailing comment
                    'y', 'z'
                )
                Comma = 'p', 'q'
                Empty = @()
                Flags = @{ On = $true; Off = $FALSE; None = $null }
            }
            """);

        Assert.Equal("it's", table["name"]);
        Assert.Equal(3, table["Count"]);
        Assert.Equal("a\tb", table["Quoted Key"]);
        Assert.Equal(new List<object?> { "x", "y", "z" }, table["List"]);
        Assert.Equal(new List<object?> { "p", "q" }, table["Comma"]);
        Assert.Equal(new List<object?>(), table["Empty"]);
        var flags = (Dictionary<string, object?>)table["Flags"]!;
        Assert.Equal(true, flags["On"]);
        Assert.Equal(false, flags["Off"]);
        Assert.Null(flags["None"]);
    }

    [Theory]
    [InlineData("@{ A = $env:X }", "Line 1: expected $true, $false or $null")]
    [InlineData("@{ A = 'x'\n  A = 'y' }", "Line 2: expected key 'A' only once")]
    [InlineData("@{ A = \"$x\" }", "no $ inside a double-quoted string")]
    [InlineData("@{ A = 'x' ", "Line 1: expected a name")]
    [InlineData("@{ A = 'x' } extra", "text after the closing }")]
    public void It_rejects_what_is_not_manifest_data(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Psd1Reader.ReadHashtable(text));

        Assert.Contains(expected, error.Message);
    }
}
