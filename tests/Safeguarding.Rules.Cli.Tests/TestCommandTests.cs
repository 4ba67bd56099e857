using System.Runtime.CompilerServices;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

public sealed class TestCommandTests : IDisposable
{
    /// <summary>
    /// Medium interval 182 days; last visited 183 days before 2018-05-01: due 2018-04-30, 1 day overdue, OffenderManager
    /// (not more than 14 days, not Very High, no repeated no access, the manager is not critical).
    /// </summary>
    private const string Passing = """
        description: A Medium risk offender last visited 183 days ago is 1 day overdue
        asOf: 2018-05-01
        given:
          managers: [ { id: OM-1, team: T-1 } ]
          offenders:
            - { id: RSO-1, risk: Medium, manager: OM-1, lastVisitedDaysAgo: 183 }
        expect:
          - { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-30, daysOverdue: 1, escalateTo: OffenderManager }
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Failing => Passing.Replace("daysOverdue: 1,", "daysOverdue: 2,", StringComparison.Ordinal);

    /// <summary>Line 6 has an unknown risk level; line 8 a misspelt field.</summary>
    private static string Unreadable => Passing
        .Replace("risk: Medium", "risk: Severe", StringComparison.Ordinal)
        .Replace("daysOverdue: 1,", "daysOverdu: 1,", StringComparison.Ordinal);

    [Fact]
    public void Test_AllScenariosPass_PrintsPassPerFileAndExits0()
    {
        _files.Write("a-overdue.yaml", Passing);
        Directory.CreateDirectory(_files.Path("sub"));
        _files.Write("sub/b-overdue.yml", Passing);

        var result = CliProcess.Run("test", _files.Folder);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().BeEmpty();
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal(
            "PASS a-overdue.yaml",
            "PASS sub/b-overdue.yml",
            "2 scenarios in " + _files.Folder + ": 2 passed, 0 failed, 0 unreadable");
    }

    [Fact]
    public void Test_SymbolicLinkLoop_RunsEachFileOnce()
    {
        _files.Write("a-overdue.yaml", Passing);
        Directory.CreateDirectory(_files.Path("sub"));
        Directory.CreateSymbolicLink(_files.Path("sub/up"), "..");
        Directory.CreateSymbolicLink(_files.Path("again"), _files.Folder);

        var result = CliProcess.Run("test", _files.Folder);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "PASS a-overdue.yaml",
            "1 scenario in " + _files.Folder + ": 1 passed, 0 failed, 0 unreadable");
    }

    [Fact]
    public void Test_AFailingScenario_PrintsTheDiffAndExits1()
    {
        _files.Write("failing.yaml", Failing);
        _files.Write("passing.yaml", Passing);

        var result = CliProcess.Run("test", _files.Folder);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdErr.Should().BeEmpty();
        result.StdOut.Should().StartWith("FAIL failing.yaml\n");
        result.StdOut.Should().Contain("PASS passing.yaml");
        result.StdOut.Should().Contain("VisitOverdue: 0 missing, 0 unexpected, 1 differing");
        result.StdOut.Should().Contain("daysOverdue: 2").And.Contain("daysOverdue: 1");
        result.StdOut.Should().Contain("2 scenarios in " + _files.Folder + ": 1 passed, 1 failed, 0 unreadable");
    }

    [Fact]
    public void Test_AnUnreadableFile_NamesFileLineAndFieldOnStderrAndExits2()
    {
        var path = _files.Write("unreadable.yaml", Unreadable);
        _files.Write("failing.yaml", Failing);

        var result = CliProcess.Run("test", _files.Folder);

        result.ExitCode.Should().Be(2, "an unreadable file outranks a failing scenario: {0}", result);
        result.StdOut.Should().Contain("FAIL failing.yaml").And.Contain("UNREADABLE unreadable.yaml");
        result.StdOut.Should().Contain("2 scenarios in " + _files.Folder + ": 0 passed, 1 failed, 1 unreadable");
        var errors = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Should().Contain(l => l.StartsWith("error: " + path + ":6:", StringComparison.Ordinal) && l.Contains("given.offenders[0].risk", StringComparison.Ordinal), result.StdErr);
        errors.Should().Contain(l => l.StartsWith("error: " + path + ":8:", StringComparison.Ordinal) && l.Contains("daysOverdu", StringComparison.Ordinal), result.StdErr);
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Test_Coverage_ListsRulesThatFiredAndRulesThatNeverDid()
    {
        _files.Write("overdue.yaml", Passing);

        var result = CliProcess.Run("test", _files.Folder, "--coverage");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("Rule coverage:", StringComparison.Ordinal));
        heading.Should().BeGreaterThan(0, result.StdOut);
        var rules = lines.Skip(heading + 1).Where(l => l.Length > 0).ToDictionary(l => l.Trim().Split(' ')[0], l => l);

        // A Medium offender 1 day overdue: VisitOverdue, then OverdueStaysWithOffenderManager; the team's 1 overdue of caseload 1 is a backlog.
        rules.Keys.Should().Contain(["VisitOverdue", "OverdueStaysWithOffenderManager", "UnitBacklog", "CaseloadCritical", "RiskReviewOverdue"]);
        rules["VisitOverdue"].Should().Contain("fired in 1");
        rules["OverdueStaysWithOffenderManager"].Should().Contain("fired in 1");
        rules["UnitBacklog"].Should().Contain("fired in 1");
        rules["EscalateToSupervisor"].Should().Contain("NEVER");
        rules["CaseloadCritical"].Should().Contain("NEVER");
        rules["RiskReviewOverdue"].Should().Contain("NEVER");
    }

    [Fact]
    public void Test_WithoutCoverage_PrintsNoCoverage()
    {
        _files.Write("overdue.yaml", Passing);

        var result = CliProcess.Run("test", _files.Folder);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().NotContain("Rule coverage");
    }

    [Fact]
    public void Test_Policy_AppliesUnderEachScenario()
    {
        // With a Medium interval of 181 days the offender is 2 days overdue (due 2018-04-29), so the scenario fails.
        _files.Write("overdue.yaml", Passing);
        var policy = _files.Write("policy.json", """{ "visitIntervalDays": { "medium": 181 } }""");

        var result = CliProcess.Run("test", _files.Folder, "--policy", policy);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("FAIL overdue.yaml").And.Contain("2018-04-29");
    }

    [Fact]
    public void Test_InvalidPolicyAndUnreadableFiles_ListsEveryProblemAtOnceAndRunsNothing()
    {
        // The policy has a problem, and so do two of the three scenario files: one run lists all of them, the policy's
        // first, and runs no scenario (the valid one is not run under the policy's defaults instead).
        var first = _files.Write("a-unreadable.yaml", Unreadable);
        _files.Write("b-passing.yaml", Passing);
        Directory.CreateDirectory(_files.Path("sub"));
        var second = _files.Write("sub/c-unreadable.yml", Passing.Replace("asOf: 2018-05-01", "asOf: 2018-02-30", StringComparison.Ordinal));
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("test", _files.Folder, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5, result.StdErr);
        lines[0].Should().Be("error: " + policy + ": dueSoonDays: must be at least 0; it is -1");
        lines[1].Should().StartWith("error: " + first + ":6:").And.Contain("given.offenders[0].risk");
        lines[2].Should().StartWith("error: " + first + ":8:").And.Contain("daysOverdu");
        lines[3].Should().StartWith("error: " + second + ":2:").And.Contain("asOf");
        lines[4].Should().Be("4 problems found in " + policy + " and 2 scenario files in " + _files.Folder + "; no scenario was run.");
        result.StdErr.Should().NotContain("Severe", "a problem never echoes a field's value");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Test_InvalidPolicyAndReadableFiles_ListsThePolicysProblemsOnly()
    {
        _files.Write("passing.yaml", Passing);
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("test", _files.Folder, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "1 problem in policy " + policy + ".");
    }

    [Fact]
    public void Test_InvalidPolicyAndMissingFolder_ListsBoth()
    {
        var policy = _files.Write("policy.json", """{ "dueSoonDays": -1 }""");
        var folder = _files.Path("absent");

        var result = CliProcess.Run("test", folder, "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "error: " + folder + ": scenario folder not found",
            "2 problems found in " + policy + " and " + folder + "; no scenario was run.");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Test_EmptyFolder_Exits1SayingNoScenarioWasFound()
    {
        var result = CliProcess.Run("test", _files.Folder);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("0 scenarios in").And.Contain("no *.yaml or *.yml file found");
    }

    [Fact]
    public void Test_MissingFolder_Exits2()
    {
        var result = CliProcess.Run("test", _files.Path("absent"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Should().Contain("absent").And.Contain("not found");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Test_TheRepositorysExampleScenarios_AllPassAndCoverEveryRule()
    {
        var folder = Path.Combine(RepositoryRoot(), "scenarios");
        var files = Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories).Count();

        var result = CliProcess.Run("test", folder, "--coverage");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain(files + " scenarios in " + folder + ": " + files + " passed, 0 failed, 0 unreadable");
        result.StdOut.Should().Contain("ChildProtectionDataQuality", "the coverage lists every rule, the child-protection ones too");
        var neverFired = result.StdOut.Split('\n')
            .Where(static line => line.Contains("NEVER", StringComparison.Ordinal))
            .Select(static line => line.Trim().Split(' ')[0])
            .ToList();
        neverFired.Should().BeEmpty("every built-in rule, the child-protection ones too, must be covered by an example scenario");
    }

    /// <summary>
    /// The folder holding Safeguarding.Rules.sln: found upwards from the test binaries, else from this source file
    /// (a CI build maps source paths to /_/, and an --artifacts-path build puts the binaries outside the repository).
    /// </summary>
    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? string.Empty })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Safeguarding.Rules.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Safeguarding.Rules.sln was not found above " + AppContext.BaseDirectory);
    }
}
