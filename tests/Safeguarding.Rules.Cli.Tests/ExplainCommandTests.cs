using System.Runtime.CompilerServices;
using Safeguarding.Rules.Cli.Tests.Support;

namespace Safeguarding.Rules.Cli.Tests;

/// <summary>
/// <c>explain</c> on <see cref="Snapshots.OneOverdue"/>: RSO-000123 (High risk, last completed visit 2018-01-09) is
/// 21 days overdue and goes to the detective inspector; OM-017 holds 1; T-NORTH's 1 overdue visit is a backlog.
/// </summary>
public sealed class ExplainCommandTests
{
    private static readonly string[] OffenderRules =
    [
        "DataQuality", "EscalateToDetectiveInspector", "EscalateToSupervisor", "NeighbourhoodNotBriefed",
        "OverdueStaysWithOffenderManager", "ReactiveManagementIneligible", "RepeatedNoAccess", "RiskReviewOverdue",
        "Unallocated", "VisitDueSoon", "VisitOverdue",
    ];

    [Fact]
    public void Explain_OffenderAsText_OneLinePerRuleInCatalogueOrder()
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var result = CliProcess.Run("explain", snapshot, "--offender", "RSO-000123");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Explanation for offender RSO-000123 as of 2018-05-01, policy default (" + snapshot + ")");
        lines.Skip(1).Select(static l => l[..l.IndexOf(':', StringComparison.Ordinal)]).Should().Equal(OffenderRules);
        lines.Should().Contain("VisitOverdue: raised: last completed visit 2018-01-09, interval 91 days (High risk, visitIntervalDays.high), due 2018-04-10, which is before 2018-05-01: 21 days overdue.");
        lines.Should().Contain(l => l.StartsWith("EscalateToDetectiveInspector: raised: 21 days overdue, not more than 28 (escalation.inspectorAfterDays)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("VisitDueSoon: not raised: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_BadPolicyAndBadSnapshot_ListsEveryProblemOfBothAtOnce()
    {
        using var files = new TempFiles();
        var broken = Snapshots.OneOverdue();
        broken.FirstOffender()["riskLevel"] = "Severe";
        var snapshot = files.Write("caseload.json", broken.ToJsonString());
        var policy = files.Write("policy.json", """{ "dueSoonDays": -1 }""");

        var result = CliProcess.Run("explain", snapshot, "--offender", "RSO-000123", "--policy", policy);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdOutBytes.Should().BeEmpty();
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "error: " + policy + ": dueSoonDays: must be at least 0; it is -1",
            "error: " + snapshot + ": offenders[0] (id RSO-000123) riskLevel: unknown value; expected Low, Medium, High or VeryHigh",
            "2 problems found in " + policy + " and " + snapshot + "; nothing was evaluated.");
    }

    [Fact]
    public void Explain_TeamAsJson_GivesSubjectAsOfPolicyAndRules()
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());
        var policy = files.Write("policy.json", """{ "version": "force-2026.1", "escalation": { "unitBacklogPercent": 12.5 } }""");

        var result = CliProcess.Run("explain", snapshot, "--team", "T-NORTH", "--format", "json", "--policy", policy, "--as-of", "2018-05-02");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = Json.Parse(result.StdOutBytes);
        json.Str("subject.kind").Should().Be("team");
        json.Str("subject.id").Should().Be("T-NORTH");
        json.Str("asOf").Should().Be("2018-05-02");
        json.Str("policyVersion").Should().Be("force-2026.1");
        var rule = json.GetProperty("rules").EnumerateArray().Should().ContainSingle().Subject;
        rule.Str("rule").Should().Be("UnitBacklog");
        rule.GetProperty("fired").GetBoolean().Should().BeTrue();
        rule.Has("disabled").Should().BeFalse("disabled is written only when true");
        rule.Has("suppressedBy").Should().BeFalse("suppressedBy is written only when an override suppressed the finding");
        rule.Str("explanation").Should().Be("raised: team T-NORTH has 1 overdue visit against a caseload of 1, 100%, above 12.5% (escalation.unitBacklogPercent).");
    }

    [Fact]
    public void Explain_DisabledRule_IsListedAsSwitchedOff()
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var result = CliProcess.Run("explain", snapshot, "--manager", "OM-017", "--format", "json", "--disable-rule", "CaseloadCritical");

        result.ExitCode.Should().Be(0, result.ToString());
        var rules = Json.Parse(result.StdOutBytes).GetProperty("rules").EnumerateArray().ToList();
        rules.Select(static r => r.Str("rule")).Should().Equal("CaseloadAboveTarget", "CaseloadCritical");
        rules[0].Has("disabled").Should().BeFalse();
        rules[1].GetProperty("disabled").GetBoolean().Should().BeTrue();
        rules[1].GetProperty("fired").GetBoolean().Should().BeFalse();
        rules[1].Str("explanation").Should().Be("switched off, so it did not run; by the policy it would not be raised: manager OM-017 holds 1 offender in the community, not above 75 (caseload.critical).");
    }

    [Fact]
    public void Explain_UnknownId_Exits2NamingIt()
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var result = CliProcess.Run("explain", snapshot, "--offender", "RSO-999");

        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain("The snapshot has no offender with id RSO-999.");
        result.ShouldHaveNoStackTrace();
    }

    [Theory]
    [InlineData("--disable-rule", "NoSuchRule", "no rule is named 'NoSuchRule'")]
    [InlineData("--detention", "CUS-1", "explain needs exactly one of --offender ID, --manager ID, --team ID, --detention ID, --discussion ID, --protection ID; 2 were given.")]
    [InlineData("--protection", "", "explain needs exactly one of")]
    public void Explain_BadUsage_Exits2NamingIt(string option, string value, string message)
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", Snapshots.OneOverdue().ToJsonString());

        var result = CliProcess.Run("explain", snapshot, "--offender", "RSO-000123", option, value);

        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain(message);
    }

    [Fact]
    public void Explain_NoSubjectOrTwo_Exits2()
    {
        var none = CliProcess.Run("explain");
        var two = CliProcess.Run("explain", "--offender", "RSO-000001", "--team", "T-001");

        none.ExitCode.Should().Be(2);
        none.StdErr.Should().Contain("explain needs exactly one of --offender ID, --manager ID, --team ID, --detention ID, --discussion ID, --protection ID; none was given.");
        two.ExitCode.Should().Be(2);
        two.StdErr.Should().Contain("2 were given.");
    }

    [Fact]
    public void Explain_InvalidSnapshot_Exits2ListingTheProblems()
    {
        using var files = new TempFiles();
        var broken = Snapshots.OneOverdue();
        broken.FirstOffender()["riskLevel"] = "Severe";
        var snapshot = files.Write("caseload.json", broken.ToJsonString());

        var result = CliProcess.Run("explain", snapshot, "--offender", "RSO-000123");

        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain("riskLevel").And.Contain("nothing was evaluated, so nothing can be explained");
        result.StdErr.Should().NotContain("Severe", "problems never quote a record's values");
    }

    [Fact]
    public void Explain_ReadmeWorkedExample_IsWhatTheCliPrints()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("### explain\n", StringComparison.Ordinal)..];
        var open = section.IndexOf("```\n", StringComparison.Ordinal) + 4;
        var block = section[open..section.IndexOf("```", open, StringComparison.Ordinal)];
        var examples = block.Split("$ safeguarding-rules ", StringSplitOptions.RemoveEmptyEntries);

        examples.Should().HaveCount(5, "an overdue offender, a due-soon one, one that is fine, a critical manager and a team with a backlog");
        foreach (var example in examples)
        {
            var commandLine = example[..example.IndexOf('\n', StringComparison.Ordinal)];
            var result = CliProcess.Run(commandLine.Split(' '));

            result.ExitCode.Should().Be(0, result.ToString());
            result.StdOut.Should().Be(example[(commandLine.Length + 1)..], "the README shows what 'safeguarding-rules {0}' prints", commandLine);
        }
    }

    [Theory]
    [InlineData("--detention", "CUS-1", "detention", "AppropriateAdultDelayed", true, "juvenile detained 2018-04-30 20:15 UTC; appropriate adult arrived 2018-05-01 00:40 UTC, after 265 minutes (4 h 25 min), more than 120 (childProtection.appropriateAdultAlertMinutes) and more than 240 (childProtection.appropriateAdultInspectorMinutes): escalated to Inspector.")]
    [InlineData("--discussion", "SD-1", "discussion", "StrategyActionOverdue", true, "police action 1 due 2018-04-27, not completed by 2018-05-01, which is after the due date: 4 days overdue; action 2 is owned by SocialCare: other agencies' actions give no finding.")]
    [InlineData("--protection", "PP-1", "protection", "LocalAuthorityNotInformed", false, "police protection from 2018-04-29 09:00 UTC; local authority informed 2018-04-29 10:30 UTC, 90 minutes (1 h 30 min) after the start, not more than 240 (childProtection.localAuthorityInformMinutes).")]
    public void Explain_ChildProtectionSubjectAsJson_ListsItsRulesWithTheValuesCompared(string option, string id, string kind, string rule, bool fired, string explanation)
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", ChildProtectionSnapshot);

        var result = CliProcess.Run("explain", snapshot, option, id, "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = Json.Parse(result.StdOutBytes);
        json.Str("subject.kind").Should().Be(kind);
        json.Str("subject.id").Should().Be(id);
        var rules = json.GetProperty("rules").EnumerateArray().ToList();
        rules.Should().HaveCount(3).And.Contain(r => r.Str("rule") == "ChildProtectionDataQuality");
        var line = rules.Single(r => r.Str("rule") == rule);
        line.GetProperty("fired").GetBoolean().Should().Be(fired);
        line.Str("explanation").Should().Be((fired ? "raised: " : "not raised: ") + explanation);
    }

    [Theory]
    [InlineData("--detention", "CUS-404", "The snapshot has no detention with id CUS-404.")]
    [InlineData("--discussion", "SD-404", "The snapshot has no discussion with id SD-404.")]
    [InlineData("--protection", "CUS-1", "The snapshot has no protection with id CUS-1.")]
    public void Explain_UnknownChildProtectionId_Exits2NamingIt(string option, string id, string message)
    {
        using var files = new TempFiles();
        var snapshot = files.Write("caseload.json", ChildProtectionSnapshot);

        var result = CliProcess.Run("explain", snapshot, option, id);

        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain(message);
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public void Explain_ReadmeChildProtectionExample_IsWhatTheCliPrints()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("### explain\n", StringComparison.Ordinal)..];
        var jsonOpen = section.IndexOf("```json\n", StringComparison.Ordinal) + 8;
        var json = section[jsonOpen..section.IndexOf("```", jsonOpen, StringComparison.Ordinal)];
        var open = section.IndexOf("```\n$ safeguarding-rules explain child-protection.json", jsonOpen, StringComparison.Ordinal) + 4;
        var block = section[open..section.IndexOf("```", open, StringComparison.Ordinal)];
        var examples = block.Split("$ safeguarding-rules ", StringSplitOptions.RemoveEmptyEntries);
        using var files = new TempFiles();
        var snapshot = files.Write("child-protection.json", json);

        examples.Should().HaveCount(3, "a discussion, a detention and a protection");
        foreach (var example in examples)
        {
            var commandLine = example[..example.IndexOf('\n', StringComparison.Ordinal)];
            var result = CliProcess.Run(commandLine.Replace("child-protection.json", snapshot, StringComparison.Ordinal).Split(' '));

            result.ExitCode.Should().Be(0, result.ToString());
            result.StdOut.Should().Be(example[(commandLine.Length + 1)..].Replace("(child-protection.json)", "(" + snapshot + ")", StringComparison.Ordinal), "the README shows what 'safeguarding-rules {0}' prints", commandLine);
        }
    }

    /// <summary>
    /// One record of each child-protection array, as of 2018-05-01 (T = 2018-05-01T23:00Z): CUS-1's juvenile waited
    /// 265 minutes for an appropriate adult (Inspector); SD-1's police action 1 is 4 days overdue, its SocialCare action
    /// gives no finding; PP-1 (62 h so far) informed the local authority after 90 minutes.
    /// </summary>
    private const string ChildProtectionSnapshot = """
        {
          "schemaVersion": 1, "asOf": "2018-05-01", "managers": [], "offenders": [],
          "strategyDiscussions": [ { "id": "SD-1", "heldOn": "2018-04-20", "outcomeRecordedOn": "2018-04-23",
            "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27" }, { "id": "2", "owner": "SocialCare", "dueOn": "2018-04-27" } ] } ],
          "detentions": [ { "id": "CUS-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-04-30T21:15:00+01:00",
            "appropriateAdultArrivedAt": "2018-05-01T01:40:00+01:00", "interviews": [] } ],
          "policeProtections": [ { "id": "PP-1", "startedAt": "2018-04-29T10:00:00+01:00", "localAuthorityInformedAt": "2018-04-29T11:30:00+01:00" } ]
        }
        """;

    /// <summary>The folder holding Safeguarding.Rules.sln: found upwards from the test binaries, else from this source file.</summary>
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
