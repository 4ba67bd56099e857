using Safeguarding.Rules.Cli.Output;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class OutputFormattingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void CsvField_SpecialCharacters_AreQuotedPerRfc4180(string value, string expected)
    {
        CsvFindings.Field(value).Should().Be(expected);
    }

    [Fact]
    public void TextTable_Columns_ArePaddedAndNumbersRightAligned()
    {
        var table = new TextTable("Name", ">Count");
        table.Add("VisitOverdue", "98");
        table.Add("Unallocated", "3");
        using var writer = new StringWriter { NewLine = "\n" };

        table.Write(writer);

        writer.ToString().Should().Be(
            "Name          Count\n" +
            "VisitOverdue     98\n" +
            "Unallocated       3\n");
    }

    [Fact]
    public void TextTable_HideEmptyColumns_LeavesOutColumnsEmptyInEveryRow()
    {
        var table = new TextTable("Kind", "Detail", "Team") { HideEmptyColumns = true };
        table.Add("VisitOverdue", "", "T-1");
        using var writer = new StringWriter { NewLine = "\n" };

        table.Write(writer);

        writer.ToString().Should().Be(
            "Kind          Team\n" +
            "VisitOverdue  T-1\n");
    }
}
