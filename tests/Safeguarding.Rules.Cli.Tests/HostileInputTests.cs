using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>Hostile and careless input to the CLI process: terminal escapes, huge ids, FIFOs, /dev/zero, --output over an input.</summary>
public sealed class HostileInputTests : IDisposable
{
    /// <summary>An id that would clear the screen, set the window title and forge an error line if printed raw.</summary>
    private const string EscapeId = "RSO-\u001b]0;pwned\u0007\u001b[2J\nerror: forged\r\u2028\u009b";

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Whether <paramref name="text"/> holds a character a terminal would act on (other than the line ends of <paramref name="lineEnds"/>).</summary>
    private static bool HasControl(string text, string lineEnds = "\n") =>
        text.Any(c => (char.IsControl(c) && !lineEnds.Contains(c, StringComparison.Ordinal)) || c is '\u2028' or '\u2029');

    private static JsonObject Unallocated(string id)
    {
        var offender = Snapshots.Offender(id, "Medium");
        offender.Remove("managerId");
        return offender;
    }

    private string SnapshotWith(params JsonObject[] offenders)
    {
        var snapshot = Snapshots.OneOverdue();
        foreach (var offender in offenders)
        {
            snapshot["offenders"]!.AsArray().Add(offender);
        }

        return _files.Write("caseload.json", snapshot.ToJsonString());
    }

    [Fact]
    public void Evaluate_IdWithControlCharacters_TableShowsThemEscaped()
    {
        var path = SnapshotWith(Unallocated(EscapeId));

        var result = CliProcess.Run("evaluate", path, "--top", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        HasControl(result.StdOut).Should().BeFalse("no control character of the input reaches the terminal");
        result.StdOut.Should().Contain("RSO-\\u001B]0;pwned\\u0007\\u001B[2J\\u000Aerror: forged\\u000D\\u202\u2026", "escaped, then cut to 64 characters");
        result.StdOut.Split('\n').Should().NotContain(line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_JsonWithIdOfControlCharacters_IsEscapedByTheJsonWriterAndReadsBack()
    {
        var path = SnapshotWith(Unallocated(EscapeId));

        var result = CliProcess.Run("evaluate", path, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        HasControl(result.StdOut).Should().BeFalse("the JSON writer escapes control characters and line separators");
        result.StdOut.Should().Contain("\\u001B");
        Json.Parse(result.StdOutBytes).GetProperty("findings").EnumerateArray()
            .Select(f => f.TryGetProperty("offenderId", out var id) ? id.GetString() : null)
            .Should().Contain(EscapeId);
    }

    [Fact]
    public void Validate_ProblemsNamingIdsWithControlCharacters_AreOneEscapedLineEach()
    {
        var path = SnapshotWith(Unallocated(EscapeId), Unallocated(EscapeId));

        var result = CliProcess.Run("validate", path);

        result.ExitCode.Should().Be(2, result.ToString());
        HasControl(result.StdErr).Should().BeFalse();
        result.StdErr.Should().Contain("(id RSO-\\u001B]0;pwned\\u0007\\u001B[2J\\u000Aerror: forged\\u000D\\u2028\\u009B) id: duplicate id");
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, "two duplicate-id problems and the summary, each on one line: {0}", result.StdErr);
        lines.Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Should().HaveCount(2).And.OnlyContain(l => l.Contains("duplicate id", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PolicyVersionWithControlCharacters_IsEscapedInTheTableHeading()
    {
        var policy = _files.Write("policy.json", "{ \"version\": \"v1\\u001b[31m\\nForged line\" }");

        var result = CliProcess.Run("evaluate", SnapshotWith(), "--policy", policy);

        result.ExitCode.Should().Be(0, result.ToString());
        HasControl(result.StdOut).Should().BeFalse();
        result.StdOut.Should().Contain("policy v1\\u001B[31m\\u000AForged line");
    }

    [Fact]
    public void Evaluate_HugeId_TableCellIsCutTo64Characters()
    {
        var huge = "RSO-" + new string('9', 100_000);
        var path = SnapshotWith(Unallocated(huge));

        var result = CliProcess.Run("evaluate", path, "--top", "0");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Split('\n').Should().OnlyContain(line => line.Length < 400, "no row is padded to the huge id's width");
        result.StdOut.Should().Contain("RSO-" + new string('9', 59) + "\u2026");
    }

    [Fact]
    public void Evaluate_Csv_FormulaCellsAreNeutralised_NumbersAreNot()
    {
        var path = SnapshotWith(Unallocated("=HYPERLINK(\"http://x\",\"y\")"), Unallocated("@SUM(A1)"), Unallocated("-1+2"), Unallocated("\tRSO-TAB"));

        var result = CliProcess.Run("evaluate", path, "--format", "csv");

        result.ExitCode.Should().Be(0, result.ToString());
        var csv = result.StdOut;
        csv.Should().Contain("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        csv.Should().Contain("\"'@SUM(A1)\"").And.Contain("\"'-1+2\"").And.Contain("\"'\tRSO-TAB\"");
        csv.Split("\r\n").Should().NotContain(line => line.Contains(",=", StringComparison.Ordinal) || line.Contains(",@", StringComparison.Ordinal));
        csv.Should().Contain(",21,", "days overdue stays a plain number");
    }

    [Fact]
    public void Evaluate_OutputNamingTheSnapshot_IsRefusedAndTheSnapshotKept()
    {
        var path = SnapshotWith();
        var before = File.ReadAllBytes(path);

        var result = CliProcess.Run("evaluate", path, "--format", "json", "--output", Path.Combine(_files.Folder, ".", "caseload.json"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("--output names an input file");
        result.ShouldHaveNoStackTrace();
        File.ReadAllBytes(path).Should().Equal(before);
    }

    [Fact]
    public void Evaluate_OutputNamingThePolicy_IsRefused()
    {
        var policy = _files.Write("policy.json", "{ \"version\": \"v2\" }");

        var result = CliProcess.Run("evaluate", SnapshotWith(), "--policy", policy, "--output", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        File.ReadAllText(policy).Should().Be("{ \"version\": \"v2\" }");
    }

    [Fact]
    public void Impact_OutputNamingTheBaseline_IsRefused()
    {
        var proposed = _files.Write("proposed.json", "{ \"version\": \"v2\" }");
        var baseline = _files.Write("baseline.json", "{ \"version\": \"v1\" }");

        var result = CliProcess.Run("impact", SnapshotWith(), "--policy", proposed, "--baseline", baseline, "--output", baseline);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("--output names an input file");
        File.ReadAllText(baseline).Should().Be("{ \"version\": \"v1\" }");
    }

    [Fact]
    public void Sample_Output_ReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var output = _files.Write("sample.json", "previous");

        var result = CliProcess.Run("sample", "--offenders", "5", "--output", output);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(output).Should().StartWith("{\"schemaVersion\":1");
        Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Should().Equal("sample.json");
    }

    [Fact]
    public void Evaluate_InvalidInputWithOutput_LeavesThePreviousFileAndNoTemporaryFile()
    {
        var output = _files.Write("findings.json", "previous");
        var snapshot = _files.Write("bad.json", "{ \"offenders\": [ { \"id\": \"RSO-1\" } ] }");

        var result = CliProcess.Run("evaluate", snapshot, "--format", "json", "--output", output);

        result.ExitCode.Should().Be(2, result.ToString());
        File.ReadAllText(output).Should().Be("previous");
        Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Should().BeEquivalentTo("findings.json", "bad.json");
    }

    [Fact]
    public async Task Evaluate_SnapshotFromAFifo_IsReadAsStandardInputIs()
    {
        var fifo = _files.Path("caseload.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        var snapshot = Encoding.UTF8.GetBytes(Snapshots.OneOverdue().ToJsonString());

        // Opening a FIFO for writing waits for its reader (the CLI), so the writer runs beside it.
        var writer = Task.Run(() => File.WriteAllBytes(fifo, snapshot));
        var result = CliProcess.Run("evaluate", fifo, "--format", "json");
        await writer.WaitAsync(TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().NotContain("NotSupported");
        Json.Parse(result.StdOutBytes).Int("summary.visitOverdue").Should().Be(1);
    }

    [Fact]
    public void Evaluate_DevZero_FailsAtTheFirstByte()
    {
        var result = CliProcess.Run("evaluate", "/dev/zero");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("/dev/zero: $: is not valid JSON: the error is at line 1, byte position 1");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Sample_NegativeSeed_NamesTheOptionAndItsRange()
    {
        var result = CliProcess.Run("sample", "--offenders", "5", "--seed", "-1");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("--seed must be a whole number from 0 to 18446744073709551615; it is '-1'.");
        result.StdErr.Should().NotContain("System.").And.NotContain("UInt64");
    }

    [Fact]
    public void Validate_TwoThousandRecordsSharingAnId_StderrGrowsLinearly()
    {
        var snapshot = new JsonObject
        {
            ["asOf"] = "2018-05-01",
            ["managers"] = new JsonArray(new JsonObject { ["id"] = "OM-017" }),
            ["offenders"] = new JsonArray(Enumerable.Range(0, 2_000).Select(_ => (JsonNode)Snapshots.Offender("RSO-1", "Low")).ToArray()),
        };
        var path = _files.Write("caseload.json", snapshot.ToJsonString());

        var result = CliProcess.Run("validate", path);

        result.ExitCode.Should().Be(2, result.ToString());
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2_001);
        lines.Should().OnlyContain(line => line.Length < 300, "each problem names at most three other records");
        result.StdErr.Should().Contain("and 1,996 more");
    }
}
