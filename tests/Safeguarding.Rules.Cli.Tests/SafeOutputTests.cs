using Safeguarding.Rules.Cli.IO;
using Safeguarding.Rules.Cli.Output;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>The pieces that keep output safe: terminal escaping, cell cutting, CSV formula neutralisation, atomic files.</summary>
public sealed class SafeOutputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("RSO-1", "RSO-1")]
    [InlineData("a\u001b[2Jb", "a\\u001B[2Jb")]
    [InlineData("line\nnext\r", "line\\u000Anext\\u000D")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("\u0000\u007f\u0085\u009f", "\\u0000\\u007F\\u0085\\u009F")]
    [InlineData("a\u2028b\u2029c", "a\\u2028b\\u2029c")]
    [InlineData("abc\u202Egnp.exe", "abc\\u202Egnp.exe")]
    [InlineData("Zoë 😀", "Zoë 😀")]
    public void Escape_ControlCharacters_AreWrittenAsUnicodeEscapes(string text, string expected)
    {
        TerminalText.Escape(text).Should().Be(expected);
    }

    [Fact]
    public void Cell_LongerThan64_IsCutWithAnEllipsis()
    {
        TerminalText.Cell(new string('x', 64)).Should().Be(new string('x', 64));
        TerminalText.Cell(new string('x', 65)).Should().Be(new string('x', 63) + "\u2026");
        TerminalText.Cell(new string('x', 62) + "😀😀").Should().Be(new string('x', 62) + "\u2026", "a surrogate pair is never split");
    }

    [Fact]
    public void TerminalWriter_TextWithLineBreaks_StaysOneLinePerWriteLine()
    {
        using var inner = new StringWriter { NewLine = "\n" };
        using (var writer = new TerminalWriter(inner, ownsInner: false))
        {
            writer.WriteLine("error: offenders[0] (id A\nerror: forged) id: duplicate");
            writer.Write('\u001b');
            writer.Write("x\r".AsSpan());
            writer.WriteLine();
        }

        inner.ToString().Should().Be("error: offenders[0] (id A\\u000Aerror: forged) id: duplicate\n\\u001Bx\\u000D\n");
    }

    [Theory]
    [InlineData("RSO-1", "RSO-1")]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+1", "+1")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-3", "-3")]
    [InlineData("-", "\"'-\"")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\"=a,b\"", "\"'=a,b\"")]
    [InlineData("\"\r=x\"", "\"'\r=x\"")]
    [InlineData("\"say \"\"no\"\"\"", "\"say \"\"no\"\"\"")]
    [InlineData("", "")]
    public void Neutralise_FieldsThatASpreadsheetWouldRun_GetAQuoteAndQuotes(string field, string expected)
    {
        CsvCell.Neutralise(field).Should().Be(expected);
    }

    [Fact]
    public void OutputTarget_DisposedWithoutCommit_KeepsThePreviousFileAndDeletesTheTemporaryOne()
    {
        var path = _files.Write("findings.json", "previous");

        using (var target = OutputTarget.Open(path))
        {
            target.Stream.Write("{\"trunc"u8);
            target.Stream.Flush();
            File.ReadAllText(path).Should().Be("previous", "nothing reaches the file before the commit");
        }

        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFiles(_files.Folder).Should().ContainSingle();
    }

    [Fact]
    public void OutputTarget_Commit_ReplacesTheFile()
    {
        var path = _files.Write("findings.json", "previous");

        using (var target = OutputTarget.Open(path))
        {
            target.Stream.Write("new"u8);
            target.Commit();
        }

        File.ReadAllText(path).Should().Be("new");
        Directory.GetFiles(_files.Folder).Should().ContainSingle();
    }

    [Fact]
    public void RefuseInput_ASymbolicLinkToTheInput_IsRefused()
    {
        var input = _files.Write("caseload.json", "{}");
        var link = _files.Path("link.json");
        File.CreateSymbolicLink(link, input);

        var refuse = () => OutputTarget.RefuseInput(link, input);

        refuse.Should().Throw<ExpectedFailureException>().Which.Problems.Should().ContainSingle().Which.Should().Contain("--output names an input file");
    }
}
