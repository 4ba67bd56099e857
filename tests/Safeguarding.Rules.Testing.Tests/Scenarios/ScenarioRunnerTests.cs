using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

public sealed class ScenarioRunnerTests
{
    private static readonly ScenarioRunner Runner = new();

    // RSO-1 is Medium (interval 182) and last visited 190 days before 2018-05-01: due 2018-04-23, 8 days overdue, OffenderManager.
    private const string Overdue8 = "  - { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: OffenderManager }";

    private static ScenarioResult Run(string yaml) => Runner.Run(Yaml.Valid(yaml));

    [Fact]
    public void Run_ExpectationsHold_Passes()
    {
        var result = Run(Yaml.OneOffender(190, Overdue8));

        result.Outcome.Should().Be(ScenarioOutcome.Passed);
        result.Passed.Should().BeTrue();
        result.Differences.Should().BeEmpty();
        result.Errors.Should().BeEmpty();
        result.Diff.Should().BeEmpty();
        result.ToString().Should().Be("test.yaml: passed");
        result.Report!.Findings.Should().Contain(f => f.Kind == FindingKinds.VisitOverdue);
        result.FiredRules.Should().Contain([RuleNames.VisitOverdue, RuleNames.OverdueStaysWithOffenderManager]);
    }

    [Fact]
    public void Run_FieldDiffers_ReportsADifferingFindingWithTheFieldAndTheReason()
    {
        var result = Run(Yaml.OneOffender(191, Overdue8));

        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        var difference = result.Differences.Should().ContainSingle().Subject;
        difference.Kind.Should().Be(FindingDifferenceKind.Differing);
        difference.FindingKind.Should().Be(FindingKinds.VisitOverdue);
        difference.Expected!.Fields["offenderId"].Should().Be("RSO-1");
        difference.Actual!.DaysOverdue.Should().Be(9);
        difference.Mismatches.Should().Equal("dueOn (expected 2018-04-23, actual 2018-04-22)", "daysOverdue (expected 8, actual 9)");
        var reason = result.Report!.Findings.Single(f => f.Kind == FindingKinds.VisitOverdue).Reason;
        reason.Should().StartWith("Medium risk: last completed home visit 2017-10-22; interval 182 days; due 2018-04-22; 9 days overdue");
        result.ToString().Should().Be($"""
            test.yaml: failed
              test
              VisitOverdue: 0 missing, 0 unexpected, 1 differing
                ~ expected    {Overdue8.Trim()[2..]}   (line 9)
                    actual:   {"{"} kind: VisitOverdue, offender: RSO-1, manager: OM-1, team: T-1, risk: Medium, dueOn: 2018-04-22, daysOverdue: 9, escalateTo: OffenderManager, rule: OverdueStaysWithOffenderManager {"}"}
                    differs:  dueOn (expected 2018-04-23, actual 2018-04-22); daysOverdue (expected 8, actual 9)
                    reason: {reason}
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_ExpectedFindingAbsent_ReportsItMissing()
    {
        var result = Run(Yaml.OneOffender(100, Overdue8));

        var difference = result.Differences.Should().ContainSingle().Subject;
        difference.Kind.Should().Be(FindingDifferenceKind.Missing);
        difference.Actual.Should().BeNull();
        result.Diff.Should().Be("""
            VisitOverdue: 1 missing, 0 unexpected, 0 differing
              - missing     { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: OffenderManager }   (line 9)
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_NoneExpectedButFound_ReportsTheFindingUnexpectedWithItsReason()
    {
        var result = Run(Yaml.OneOffender(190, "  - { kind: VisitOverdue, none: true }"));

        var difference = result.Differences.Should().ContainSingle().Subject;
        difference.Kind.Should().Be(FindingDifferenceKind.Unexpected);
        difference.Expected.Should().BeNull();
        difference.Actual!.OffenderId.Should().Be("RSO-1");
        result.Diff.Should().Contain("+ unexpected  { kind: VisitOverdue, offender: RSO-1,")
            .And.Contain("    reason: Medium risk: last completed home visit");
    }

    [Fact]
    public void Run_ExpectationForAnotherOffender_IsMissingAndTheActualFindingUnexpected()
    {
        var result = Run(Yaml.OneOffender(190, "  - { kind: VisitOverdue, offender: RSO-2 }"));

        result.Differences.Select(d => d.Kind).Should().Equal(FindingDifferenceKind.Missing, FindingDifferenceKind.Unexpected);
    }

    [Fact]
    public void Run_KindNotNamed_IsIgnored()
    {
        // RSO-1 is overdue, which makes a unit backlog of T-1 (1 of 1): neither kind is named.
        var result = Run(Yaml.OneOffender(190, "  - { kind: VisitDueSoon, none: true }"));

        result.Passed.Should().BeTrue();
        result.Report!.Findings.Select(f => f.Kind).Should().Contain([FindingKinds.VisitOverdue, FindingKinds.UnitBacklog]);
    }

    [Fact]
    public void Run_Exhaustive_MakesFindingsOfUnnamedKindsUnexpected()
    {
        var result = Run(Yaml.OneOffender(190, Overdue8, extra: "exhaustive: true"));

        result.Passed.Should().BeFalse();
        var difference = result.Differences.Should().ContainSingle().Subject;
        difference.Kind.Should().Be(FindingDifferenceKind.Unexpected);
        difference.FindingKind.Should().Be(FindingKinds.UnitBacklog);
        result.Diff.Should().StartWith("UnitBacklog: 0 missing, 1 unexpected, 0 differing\n  + unexpected  { kind: UnitBacklog, team: T-1, overdueVisits: 1, caseload: 1, rule: UnitBacklog }");
    }

    [Fact]
    public void Run_ExhaustiveWithEveryFindingExpected_Passes()
    {
        var result = Run(Yaml.OneOffender(190, Overdue8 + "\n  - { kind: UnitBacklog, team: T-1, overdueVisits: 1, caseload: 1 }", extra: "exhaustive: true"));

        result.Passed.Should().BeTrue(result.ToString());
    }

    [Fact]
    public void Run_TwoEqualExpectations_NeedTwoFindings()
    {
        var result = Run(Yaml.OneOffender(190, "  - { kind: VisitOverdue }\n  - { kind: VisitOverdue }"));

        result.Differences.Should().ContainSingle().Which.Kind.Should().Be(FindingDifferenceKind.Missing);
    }

    [Fact]
    public void Run_LooseExpectationsFirst_StillMatchEveryFindingOneToOne()
    {
        // The first expectation matches both findings; a greedy matcher taking RSO-1 for it would leave the second unmatched.
        var yaml = """
            description: matching
            asOf: 2018-05-01
            given:
              managers: [ { id: OM-1, team: T-1 } ]
              offenders:
                - { id: RSO-1, risk: Medium, manager: OM-1, lastVisitedDaysAgo: 190 }
                - { id: RSO-2, risk: Medium, manager: OM-1, lastVisitedDaysAgo: 191 }
            expect:
              - { kind: VisitOverdue, escalateTo: OffenderManager }
              - { kind: VisitOverdue, offender: RSO-1 }
            """;

        Run(yaml).Passed.Should().BeTrue();
    }

    [Fact]
    public void Run_ReasonContains_ChecksTheReason()
    {
        var passing = Run(Yaml.OneOffender(190, "  - { kind: VisitOverdue, offender: RSO-1, reasonContains: \"8 days overdue\" }"));
        var failing = Run(Yaml.OneOffender(190, "  - { kind: VisitOverdue, offender: RSO-1, reasonContains: \"9 days overdue\" }"));

        passing.Passed.Should().BeTrue();
        failing.Differences.Should().ContainSingle().Which.Mismatches.Should().Equal("reasonContains (the reason does not contain the text)");
    }

    [Fact]
    public void Run_InvalidFacts_FailsListingTheInputProblems()
    {
        var yaml = Yaml.OneOffender(190, Overdue8).Replace("manager: OM-1,", "manager: OM-404,");

        var result = Run(yaml);

        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        result.Report!.IsEvaluated.Should().BeFalse();
        result.Errors[0].Should().StartWith("The given facts are not valid input, so nothing was evaluated");
        result.Errors.Should().Contain(e => e.Contains("offenders[0] (id RSO-1) managerId:"));
        result.ToString().Should().Contain("offenders[0] (id RSO-1) managerId:");
    }

    [Fact]
    public void Run_BasePolicy_AppliesUnderTheScenariosChanges()
    {
        // Under a base policy with Medium visits every 100 days, RSO-1 (visited 190 days ago) is 90 days overdue.
        var basePolicy = new SafeguardingPolicy();
        basePolicy.VisitIntervalDays.Medium = 100;
        var runner = new ScenarioRunner(new SafeguardingEngine(), basePolicy);

        var plain = runner.Run(Yaml.Valid(Yaml.OneOffender(190, Overdue8)));
        var changed = runner.Run(Yaml.Valid(Yaml.OneOffender(190, Overdue8, extra: "policy: { visitIntervalDays: { medium: 182 } }")));

        plain.Differences.Should().ContainSingle().Which.Actual!.DaysOverdue.Should().Be(90);
        changed.Passed.Should().BeTrue(changed.ToString());
    }

    [Fact]
    public void Run_ChangesInvalidOverTheBasePolicy_FailWithThePolicyProblem()
    {
        var basePolicy = new SafeguardingPolicy();
        basePolicy.Caseload.Critical = 200;
        basePolicy.Caseload.Target = 100;
        var runner = new ScenarioRunner(new SafeguardingEngine(), basePolicy);

        var result = runner.Run(Yaml.Valid(Yaml.OneOffender(190, Overdue8, extra: "policy: { caseload: { critical: 60 } }")));

        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        result.Errors.Should().ContainSingle().Which.Should().Be(
            "policy.caseload.critical: must be at least caseload.target (100); it is 60 (the scenario's changes over the base policy)");
    }

    [Fact]
    public void Constructor_InvalidBasePolicy_Throws()
    {
        var basePolicy = new SafeguardingPolicy { FirstVisitDays = 0 };

        var act = () => new ScenarioRunner(new SafeguardingEngine(), basePolicy);

        act.Should().Throw<PolicyValidationException>().Which.Problems.Should().ContainSingle().Which.Property.Should().Be("firstVisitDays");
    }

    [Fact]
    public void RunFolder_PassingFailingAndUnreadableFiles_CountsEach()
    {
        using var folder = new TempFolder()
            .With("b-pass.yaml", Yaml.OneOffender(190, Overdue8))
            .With("sub/a-fail.yml", Yaml.OneOffender(191, Overdue8))
            .With("c-unreadable.yaml", Yaml.OneOffender(190, Overdue8).Replace("risk: Medium", "risk: Mediun"))
            .With("notes.txt", "not a scenario");

        var suite = Runner.RunFolder(folder.Path);

        suite.Results.Select(r => (r.Name, r.Outcome)).Should().Equal(
            ("b-pass.yaml", ScenarioOutcome.Passed),
            ("c-unreadable.yaml", ScenarioOutcome.Unreadable),
            ("sub/a-fail.yml", ScenarioOutcome.Failed));
        (suite.PassedCount, suite.FailedCount, suite.UnreadableCount).Should().Be((1, 1, 1));
        suite.AllPassed.Should().BeFalse();
        var unreadable = suite.Results[1];
        unreadable.Problems.Should().ContainSingle().Which.File.Should().Be(Path.Combine(folder.Path, "c-unreadable.yaml"));
        unreadable.ToString().Should().StartWith("c-unreadable.yaml: unreadable\n  " + Path.Combine(folder.Path, "c-unreadable.yaml") + ":7:26: given.offenders[0].risk: unknown value;");
        suite.ToString().Should().StartWith("b-pass.yaml: passed\nc-unreadable.yaml: unreadable\n")
            .And.Contain("\nsub/a-fail.yml: failed\n  test\n  VisitOverdue: 0 missing, 0 unexpected, 1 differing\n")
            .And.EndWith("\n3 scenarios in " + folder.Path + ": 1 passed, 1 failed, 1 unreadable");
    }

    [Fact]
    public void RunFolder_FailureWithoutUnreadableFiles_IsNotAllPassed()
    {
        using var folder = new TempFolder()
            .With("pass.yaml", Yaml.OneOffender(190, Overdue8))
            .With("fail.yaml", Yaml.OneOffender(191, Overdue8));

        var suite = Runner.RunFolder(folder.Path);

        suite.AllPassed.Should().BeFalse();
        (suite.PassedCount, suite.FailedCount, suite.UnreadableCount).Should().Be((1, 1, 0));
    }

    [Fact]
    public void RunFolder_AllPass_IsAllPassed()
    {
        using var folder = new TempFolder().With("pass.yaml", Yaml.OneOffender(190, Overdue8));

        var suite = Runner.RunFolder(folder.Path);

        suite.AllPassed.Should().BeTrue();
        (suite.PassedCount, suite.FailedCount, suite.UnreadableCount).Should().Be((1, 0, 0));
    }

    [Fact]
    public void RunFolder_NoScenarioFiles_FailsSayingSo()
    {
        using var folder = new TempFolder().With("readme.md", "# none");

        var suite = Runner.RunFolder(folder.Path);

        suite.Results.Should().BeEmpty();
        suite.AllPassed.Should().BeFalse("a folder with no scenario proves nothing");
        suite.ToString().Should().EndWith("0 scenarios in " + folder.Path + ": 0 passed, 0 failed, 0 unreadable (no *.yaml or *.yml file found)");
    }

    [Fact]
    public void FindScenarioFiles_SymbolicLinkToAnAncestorFolder_ListsEachFileOnce()
    {
        using var folder = new TempFolder().With("a.yaml", Yaml.OneOffender(190, Overdue8)).With("sub/b.yaml", Yaml.OneOffender(190, Overdue8));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "up"), "..");

        var files = ScenarioRunner.FindScenarioFiles(folder.Path);

        files.Should().Equal("a.yaml", "sub/b.yaml");
    }

    [Fact]
    public void FindScenarioFiles_SymbolicLinkToAFolderAlreadyListed_IsNotFollowed()
    {
        using var folder = new TempFolder().With("real/b.yaml", Yaml.OneOffender(190, Overdue8));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "alias"), Path.Combine(folder.Path, "real"));

        ScenarioRunner.FindScenarioFiles(folder.Path).Should().Equal("real/b.yaml");
    }

    [Fact]
    public void FindScenarioFiles_TwoNamesOfOneFile_ListsTheFileOnceByItsOwnName()
    {
        using var folder = new TempFolder().With("z-real.yaml", Yaml.OneOffender(190, Overdue8));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "a-link.yaml"), "z-real.yaml");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "b-link.yaml"), Path.Combine(folder.Path, "a-link.yaml"));

        ScenarioRunner.FindScenarioFiles(folder.Path).Should().Equal("z-real.yaml");
    }

    [Fact]
    public void FindScenarioFiles_LinkedFileFromOutsideTheFolder_IsListed()
    {
        using var shared = new TempFolder().With("shared.yaml", Yaml.OneOffender(190, Overdue8));
        using var folder = new TempFolder().With("own.yaml", Yaml.OneOffender(190, Overdue8));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "shared.yaml"), Path.Combine(shared.Path, "shared.yaml"));

        ScenarioRunner.FindScenarioFiles(folder.Path).Should().Equal("own.yaml", "shared.yaml");
    }

    [Fact]
    public void RunFolder_FolderGivenAsASymbolicLink_RunsItsFiles()
    {
        using var folder = new TempFolder().With("a.yaml", Yaml.OneOffender(190, Overdue8));
        using var links = new TempFolder();
        var link = Path.Combine(links.Path, "scenarios");
        Directory.CreateSymbolicLink(link, folder.Path);

        var suite = Runner.RunFolder(link);

        suite.Results.Select(r => (r.Name, r.Outcome)).Should().Equal(("a.yaml", ScenarioOutcome.Passed));
    }

    [Fact]
    public void RunFolder_MissingFolder_Throws()
    {
        var act = () => Runner.RunFolder(Path.Combine(Path.GetTempPath(), "kit-missing-" + Guid.NewGuid().ToString("N")));

        act.Should().Throw<DirectoryNotFoundException>();
    }

    [Fact]
    public void RunFolder_Coverage_ListsEveryRuleOfTheCatalogueWithWhereItFired()
    {
        using var folder = new TempFolder()
            .With("overdue.yaml", Yaml.OneOffender(190, Overdue8))
            .With("fine.yaml", Yaml.OneOffender(10, "  - { kind: VisitOverdue, none: true }"));

        var coverage = Runner.RunFolder(folder.Path).Coverage;

        coverage.Evaluations.Should().Be(2);
        coverage.Rules.Select(r => r.Rule.Name).Should().BeEquivalentTo(Runner.Evaluator.Rules.Select(r => r.Name));
        coverage.Fired.Should().BeEquivalentTo(RuleNames.VisitOverdue, RuleNames.OverdueStaysWithOffenderManager, RuleNames.UnitBacklog);
        coverage.NeverFired.Should().Contain([RuleNames.EscalateToSupervisor, RuleNames.CaseloadCritical, RuleNames.DataQuality])
            .And.HaveCount(Runner.Evaluator.Rules.Count - 3);
        coverage.Rules.Single(r => r.Rule.Name == RuleNames.VisitOverdue).FiredIn.Should().Equal("overdue.yaml");
        var text = coverage.ToString().Split('\n');
        text[0].Should().Be($"Rule coverage: 3 of {Runner.Evaluator.Rules.Count} rules fired in 2 scenarios");
        text.Should().Contain(line => line.StartsWith("  UnitBacklog ") && line.Contains("fired in 1 scenario ") && line.EndsWith("  UnitBacklog"));
        text.Should().Contain(line => line.StartsWith("  CaseloadCritical ") && line.Contains("NEVER fired"));
    }

    [Fact]
    public void RunFolder_UnreadableFiles_AreNotInTheCoverage()
    {
        using var folder = new TempFolder().With("bad.yaml", "description: [");

        var suite = Runner.RunFolder(folder.Path);

        suite.Coverage.Evaluations.Should().Be(0);
        suite.Coverage.Fired.Should().BeEmpty();
    }

    [Fact]
    public void RunFile_File_IsNamedByItsFileName()
    {
        using var folder = new TempFolder().With("one.yaml", Yaml.OneOffender(190, Overdue8));

        var result = Runner.RunFile(Path.Combine(folder.Path, "one.yaml"));

        result.Name.Should().Be("one.yaml");
        result.Path.Should().Be(Path.Combine(folder.Path, "one.yaml"));
        result.Should().Pass();
    }

    [Fact]
    public void TestCases_Folder_GivesOneRowPerScenarioFile()
    {
        using var folder = new TempFolder().With("b.yaml", "x").With("a/c.yml", "y").With("d.json", "{}");

        ScenarioFolder.TestCases(folder.Path).Should().BeEquivalentTo(
            new[] { new object[] { "a/c.yml" }, new object[] { "b.yaml" } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void FindUpwards_FolderOfAnAncestor_IsFound()
    {
        using var folder = new TempFolder().With("scenarios/x.yaml", "x").With("deep/er/file.txt", "x");

        ScenarioFolder.FindUpwards("scenarios", Path.Combine(folder.Path, "deep", "er"))
            .Should().Be(Path.Combine(folder.Path, "scenarios"));
    }
}
