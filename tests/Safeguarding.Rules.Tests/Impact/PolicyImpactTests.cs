using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Impact;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Testing;

namespace Safeguarding.Rules.Tests.Impact;

public sealed class PolicyImpactTests
{
    private static readonly SafeguardingEngine Engine = new();

    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>Manager OM-1 in team T-1, as of 2018-05-01.</summary>
    private static CaseloadScenario Caseload() => CaseloadScenario.AsOf(AsOf).Manager("OM-1", team: "T-1");

    /// <summary>An offender of OM-1 registered 3000 and assessed 10 days before the as-of date, so only its visits give findings.</summary>
    private static Action<OffenderBuilder> Settled(Action<OffenderBuilder>? visits = null) => o =>
    {
        o.ManagedBy("OM-1").RegisteredDaysAgo(3000).RiskAssessedDaysAgo(10);
        visits?.Invoke(o);
    };

    private static readonly Lazy<CaseloadSnapshot> Force = new(() => SyntheticCaseload.Generate(2000, 7));

    /// <summary>
    /// One team (T-1, manager OM-1), three High-risk offenders, as of 2018-05-01. Default High interval 91 days,
    /// proposed 60:
    /// RSO-1 visited 2018-01-09: due 2018-04-10, 21 days overdue -> due 2018-03-10, 52 days overdue (DetectiveInspector both times).
    /// RSO-2 visited 2018-02-15: due 2018-05-17, nothing -> due 2018-04-16, 15 days overdue (raised, DetectiveInspector).
    /// RSO-3 visited 2018-02-05: due 2018-05-07, due soon in 6 days -> due 2018-04-06, 25 days overdue (due soon cleared, overdue raised).
    /// The team's caseload is 3: 1 overdue is above 5% (backlog), and so are 3 (backlog changed, overdueVisits 1 -> 3).
    /// </summary>
    private static CaseloadScenario ThreeHighRisk() => Caseload()
        .Offender("RSO-1", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 1, 9))))
        .Offender("RSO-2", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 2, 15))))
        .Offender("RSO-3", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 2, 5))));

    private static SafeguardingPolicy High60() => new() { Version = "high-60", VisitIntervalDays = new VisitIntervalPolicy { High = 60 } };

    [Fact]
    public void Compare_PolicyIdenticalToTheBaseline_ReportsNoChange()
    {
        var impact = PolicyImpact.Compare(Engine, Force.Value, new SafeguardingPolicy { Version = "same-as-default" });

        impact.IsEvaluated.Should().BeTrue();
        impact.HasChanges.Should().BeFalse();
        impact.Changes.Should().BeEmpty();
        impact.Teams.Should().BeEmpty();
        (impact.Raised, impact.Cleared, impact.Changed).Should().Be((0, 0, 0));
        impact.AffectedOffenders.Should().BeEmpty();
        impact.AffectedManagers.Should().BeEmpty();
        impact.AffectedTeams.Should().BeEmpty();
        impact.BaselinePolicyVersion.Should().Be("default");
        impact.ProposedPolicyVersion.Should().Be("same-as-default");
        impact.Kinds.Should().OnlyContain(k => k.Baseline == k.Proposed && k.Total == 0);
        impact.Kinds.Sum(k => k.Baseline).Should().BeGreaterThan(0, "the synthetic force has findings, so 'no change' is not 'nothing found'");
    }

    public static TheoryData<string> PolicyChanges => ["high-60", "critical-55", "supervisor-7", "due-soon-30", "backlog-8"];

    private static SafeguardingPolicy Changed(string name) => name switch
    {
        "high-60" => High60(),
        "critical-55" => new SafeguardingPolicy { Version = name, Caseload = new CaseloadPolicy { Target = 50, Critical = 55 } },
        "supervisor-7" => new SafeguardingPolicy { Version = name, Escalation = new EscalationPolicy { SupervisorAfterDays = 7 } },
        "due-soon-30" => new SafeguardingPolicy { Version = name, DueSoonDays = 30 },
        "backlog-8" => new SafeguardingPolicy { Version = name, Escalation = new EscalationPolicy { UnitBacklogPercent = 8 } },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(PolicyChanges))]
    public void Compare_KnownPolicyChange_EqualsTheDifferenceOfTwoFullEvaluations(string change)
    {
        var proposed = Changed(change);
        var before = Engine.Evaluate(Force.Value);
        var after = Engine.Evaluate(Force.Value, new EvaluationOptions { Policy = proposed });
        var (raised, cleared, changed) = Expected(before, after);
        (raised.Count + cleared.Count + changed.Count).Should().BeGreaterThan(0, "the change must make a difference to test anything");

        var impact = PolicyImpact.Compare(Engine, Force.Value, proposed);

        impact.IsEvaluated.Should().BeTrue();
        impact.HasChanges.Should().BeTrue();
        impact.AsOf.Should().Be(before.AsOf);
        impact.Changes.Where(c => c.Change == FindingChangeKind.Raised).Select(c => c.Key).Should().BeEquivalentTo(raised);
        impact.Changes.Where(c => c.Change == FindingChangeKind.Cleared).Select(c => c.Key).Should().BeEquivalentTo(cleared);
        impact.Changes.Where(c => c.Change == FindingChangeKind.Changed).Select(c => c.Key).Should().BeEquivalentTo(changed);
        (impact.Raised, impact.Cleared, impact.Changed).Should().Be((raised.Count, cleared.Count, changed.Count));
    }

    [Fact]
    public void Compare_HighInterval91To60_RaisesOverdueVisitsOfHighRiskOffendersOnly()
    {
        var impact = PolicyImpact.Compare(Engine, Force.Value, High60());

        var raisedOverdue = impact.Changes.Where(c => c.Change == FindingChangeKind.Raised && c.Kind == FindingKinds.VisitOverdue).ToList();
        raisedOverdue.Should().NotBeEmpty();
        raisedOverdue.Should().OnlyContain(c => c.Proposed!.RiskLevel == RiskLevel.High, "only the High interval changed");
        impact.Changes.Should().NotContain(c => c.Change == FindingChangeKind.Cleared && c.Kind == FindingKinds.VisitOverdue, "a shorter interval clears no overdue visit");
        impact.Kinds.Single(k => k.Kind == FindingKinds.VisitOverdue).Proposed.Should().BeGreaterThan(impact.Kinds.Single(k => k.Kind == FindingKinds.VisitOverdue).Baseline);
    }

    [Theory]
    [MemberData(nameof(PolicyChanges))]
    public void Compare_KnownPolicyChange_CountsMatchBothEvaluationsAndTheChanges(string change)
    {
        var proposed = Changed(change);
        var before = Engine.Evaluate(Force.Value);
        var after = Engine.Evaluate(Force.Value, new EvaluationOptions { Policy = proposed });

        var impact = PolicyImpact.Compare(before, after);

        impact.Kinds.Select(k => k.Kind).Take(FindingKinds.All.Count).Should().Equal(FindingKinds.All);
        foreach (var kind in impact.Kinds)
        {
            kind.Baseline.Should().Be(before.Findings.Count(f => f.Kind == kind.Kind), kind.Kind);
            kind.Proposed.Should().Be(after.Findings.Count(f => f.Kind == kind.Kind), kind.Kind);
            kind.Raised.Should().Be(impact.Changes.Count(c => c.Kind == kind.Kind && c.Change == FindingChangeKind.Raised), kind.Kind);
            kind.Cleared.Should().Be(impact.Changes.Count(c => c.Kind == kind.Kind && c.Change == FindingChangeKind.Cleared), kind.Kind);
            kind.Changed.Should().Be(impact.Changes.Count(c => c.Kind == kind.Kind && c.Change == FindingChangeKind.Changed), kind.Kind);
            kind.Proposed.Should().Be(kind.Baseline + kind.Raised - kind.Cleared, kind.Kind);
        }

        var expectedTeams = impact.Changes.Select(c => c.TeamId).Distinct().ToList();
        impact.Teams.Select(t => t.TeamId).Should().Equal(expectedTeams, "one group per team, in the changes' order");
        foreach (var team in impact.Teams)
        {
            var ofTeam = impact.Changes.Where(c => c.TeamId == team.TeamId).ToList();
            team.Total.Should().Be(ofTeam.Count);
            team.Raised.Should().Be(ofTeam.Count(c => c.Change == FindingChangeKind.Raised));
            team.Cleared.Should().Be(ofTeam.Count(c => c.Change == FindingChangeKind.Cleared));
            team.Changed.Should().Be(ofTeam.Count(c => c.Change == FindingChangeKind.Changed));
            team.Kinds.Select(k => k.Kind).Should().Equal(ofTeam.Select(c => c.Kind).Distinct());
            foreach (var kind in team.Kinds)
            {
                kind.Total.Should().Be(ofTeam.Count(c => c.Kind == kind.Kind));
                kind.Baseline.Should().Be(before.Findings.Count(f => f.TeamId == team.TeamId && f.Kind == kind.Kind));
                kind.Proposed.Should().Be(after.Findings.Count(f => f.TeamId == team.TeamId && f.Kind == kind.Kind));
            }
        }

        impact.AffectedOffenders.Should().Equal(impact.Changes.Select(c => c.OffenderId).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        impact.AffectedManagers.Should().Equal(impact.Changes.Select(c => c.ManagerId).OfType<string>().Distinct().Order(StringComparer.Ordinal));
        impact.AffectedTeams.Should().Equal(impact.Changes.Select(c => c.TeamId).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PolicyChanges))]
    public void Compare_Changes_AreOrderedByTeamKindManagerOffender(string change)
    {
        var impact = PolicyImpact.Compare(Engine, Force.Value, Changed(change));

        var expected = impact.Changes
            .OrderBy(c => c.TeamId, StringComparer.Ordinal)
            .ThenBy(c => FindingKinds.OrderOf(c.Kind))
            .ThenBy(c => c.ManagerId, StringComparer.Ordinal)
            .ThenBy(c => c.OffenderId, StringComparer.Ordinal)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        impact.Changes.Should().Equal(expected);
    }

    [Fact]
    public void Compare_HandWorkedCaseload_ReportsEachRaisedClearedAndChangedFinding()
    {
        var scenario = ThreeHighRisk();

        var impact = PolicyImpact.Compare(Engine, scenario.ToSnapshot(), High60());

        impact.Changes.Select(c => (c.Change, c.Kind, c.OffenderId ?? c.TeamId)).Should().Equal(
            (FindingChangeKind.Changed, FindingKinds.VisitOverdue, "RSO-1"),
            (FindingChangeKind.Raised, FindingKinds.VisitOverdue, "RSO-2"),
            (FindingChangeKind.Raised, FindingKinds.VisitOverdue, "RSO-3"),
            (FindingChangeKind.Cleared, FindingKinds.VisitDueSoon, "RSO-3"),
            (FindingChangeKind.Changed, FindingKinds.UnitBacklog, "T-1"));

        impact.Changes[0].Fields.Select(f => f.ToString()).Should().Equal("dueOn 2018-04-10 -> 2018-03-10", "daysOverdue 21 -> 52");
        impact.Changes[1].Proposed!.DueOn.Should().Be(new DateOnly(2018, 4, 16));
        impact.Changes[1].Proposed!.DaysOverdue.Should().Be(15);
        impact.Changes[1].Proposed!.EscalateTo.Should().Be(EscalationLevel.DetectiveInspector);
        impact.Changes[1].Baseline.Should().BeNull();
        impact.Changes[1].Fields.Should().BeEmpty();
        impact.Changes[3].Baseline!.DaysUntilDue.Should().Be(6);
        impact.Changes[3].Proposed.Should().BeNull();
        impact.Changes[4].Fields.Select(f => f.ToString()).Should().Equal("overdueVisits 1 -> 3");

        (impact.Raised, impact.Cleared, impact.Changed).Should().Be((2, 1, 2));
        impact.Teams.Should().ContainSingle().Which.TeamId.Should().Be("T-1");
        impact.Teams[0].Kinds.Select(k => (k.Kind, k.Baseline, k.Proposed, k.Raised, k.Cleared, k.Changed)).Should().Equal(
            (FindingKinds.VisitOverdue, 1, 3, 2, 0, 1),
            (FindingKinds.VisitDueSoon, 1, 0, 0, 1, 0),
            (FindingKinds.UnitBacklog, 1, 1, 0, 0, 1));
        impact.AffectedOffenders.Should().Equal("RSO-1", "RSO-2", "RSO-3");
        impact.AffectedManagers.Should().Equal("OM-1");
        impact.AffectedTeams.Should().Equal("T-1");
        impact.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void Compare_EscalationThresholdChange_ReportsTheEscalationLevelOldToNew()
    {
        // 21 days overdue, Medium risk: Supervisor (more than 14) by default; DetectiveInspector when the inspector threshold is 20.
        var scenario = Caseload().Offender("RSO-1", RiskLevel.Medium, Settled(o => o.VisitedOn(AsOf.AddDays(-182 - 21))));
        var proposed = new SafeguardingPolicy { Escalation = new EscalationPolicy { InspectorAfterDays = 20 } };

        var impact = PolicyImpact.Compare(Engine, scenario.ToSnapshot(), proposed);

        var change = impact.Changes.Should().ContainSingle(c => c.Kind == FindingKinds.VisitOverdue).Which;
        change.Change.Should().Be(FindingChangeKind.Changed);
        change.Fields.Select(f => (f.Field, f.Baseline, f.Proposed)).Should().Equal(("escalateTo", "Supervisor", "DetectiveInspector"));
    }

    [Fact]
    public void Compare_ManagerFromAboveTargetToCritical_IsOneClearedAndOneRaised()
    {
        var scenario = Caseload().Holding("OM-1", 60);
        var proposed = new SafeguardingPolicy { Caseload = new CaseloadPolicy { Target = 50, Critical = 55 } };

        var impact = PolicyImpact.Compare(Engine, scenario.ToSnapshot(), proposed);

        impact.Changes.Select(c => (c.Change, c.Kind, c.ManagerId)).Should().Equal(
            (FindingChangeKind.Cleared, FindingKinds.CaseloadAboveTarget, "OM-1"),
            (FindingChangeKind.Raised, FindingKinds.CaseloadCritical, "OM-1"));
        impact.AffectedOffenders.Should().BeEmpty();
        impact.AffectedManagers.Should().Equal("OM-1");
    }

    [Fact]
    public void Compare_ExplicitBaseline_ComparesAgainstItInsteadOfTheDefault()
    {
        var scenario = ThreeHighRisk();

        var impact = PolicyImpact.Compare(Engine, scenario.ToSnapshot(), High60(), baseline: High60());

        impact.HasChanges.Should().BeFalse();
        impact.BaselinePolicyVersion.Should().Be("high-60");
    }

    [Fact]
    public void Compare_AsOf_AppliesToBothEvaluations()
    {
        // As of 2018-04-01 RSO-1 (visited 2018-01-09) is due 2018-04-10 by default (due soon, 9 days) and 2018-03-10 at 60 days (22 days overdue).
        var scenario = Caseload().Offender("RSO-1", RiskLevel.High, Settled(o => o.VisitedOn(new DateOnly(2018, 1, 9))));

        var impact = PolicyImpact.Compare(Engine, scenario.ToSnapshot(), High60(), asOf: new DateOnly(2018, 4, 1));

        impact.AsOf.Should().Be(new DateOnly(2018, 4, 1));
        impact.Changes.Single(c => c.Kind == FindingKinds.VisitDueSoon).Baseline!.DaysUntilDue.Should().Be(9);
        impact.Changes.Single(c => c.Kind == FindingKinds.VisitOverdue).Proposed!.DaysOverdue.Should().Be(22);
    }

    [Fact]
    public void Compare_ChildProtectionFieldsDiffer_ChangedWithThoseFields()
    {
        // Every field of the kind is compared (the findings schema), not only the contract v1 fields.
        var empty = Engine.Evaluate(new CaseloadSnapshot { AsOf = AsOf });
        EvaluationReport With(Finding finding) => new()
        {
            IsEvaluated = true,
            PartialResultsAllowed = false,
            AsOf = empty.AsOf,
            PolicyVersion = empty.PolicyVersion,
            Summary = empty.Summary,
            Findings = [finding],
            Problems = [],
            FiredRules = empty.FiredRules,
        };
        var delayed = new Finding
        {
            Kind = FindingKinds.AppropriateAdultDelayed,
            Rule = RuleNames.AppropriateAdultDelayed,
            Reason = "reason",
            DetentionId = "CUS-1",
            CustodySuiteId = "SUITE-1",
            AuthorisedAt = new DateTimeOffset(2018, 5, 1, 8, 0, 0, TimeSpan.Zero),
            MinutesWaited = 130,
            Awaiting = true,
            EscalateTo = EscalationLevel.Supervisor,
        };

        var impact = PolicyImpact.Compare(With(delayed), With(delayed with { MinutesWaited = 150, Awaiting = false }));

        var change = impact.Changes.Should().ContainSingle().Which;
        change.Change.Should().Be(FindingChangeKind.Changed);
        change.Fields.Select(static f => f.Field).Should().Equal("minutesWaited", "awaiting");
    }

    [Fact]
    public void Compare_SnapshotWithExtractedAtAndNoAsOf_EvaluatesBothAtTheExtractionInstant()
    {
        // Extracted 2018-05-01T10:00+01:00 = 09:00Z, no asOf given: D is 2018-05-01 and the as-of instant T is the extraction
        // (contract section 6). CUS-1 was authorised at 08:00Z and nobody has come: 60 minutes at T, not more than 120, no
        // finding under either policy. Evaluating either side at the end of the day instead (23:00Z, 900 minutes) would
        // report a delay the policies do not differ on.
        var snapshot = new CaseloadSnapshot
        {
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 10, 0, 0, TimeSpan.FromHours(1)),
            Detentions =
            [
                new Detention { Id = "CUS-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = new DateTimeOffset(2018, 5, 1, 9, 0, 0, TimeSpan.FromHours(1)) },
            ],
        };

        var impact = PolicyImpact.Compare(Engine, snapshot, new SafeguardingPolicy { Version = "same-as-default" });

        impact.IsEvaluated.Should().BeTrue();
        impact.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        impact.HasChanges.Should().BeFalse("the two policies are the same, so nothing can differ");
        impact.Kinds.Single(k => k.Kind == FindingKinds.AppropriateAdultDelayed).Baseline.Should().Be(0, "60 minutes is within the alert limit");
    }

    [Fact]
    public void Compare_ReportsOfDifferentAsOfInstants_Throws()
    {
        var snapshot = new CaseloadSnapshot { ExtractedAt = new DateTimeOffset(2018, 5, 1, 10, 0, 0, TimeSpan.FromHours(1)) };
        var atExtraction = Engine.Evaluate(snapshot);
        var atEndOfDay = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });

        var act = () => PolicyImpact.Compare(atExtraction, atEndOfDay);

        act.Should().Throw<ArgumentException>().WithMessage("*as-of instant*");
    }

    [Fact]
    public void Compare_SnapshotWithProblems_IsNotEvaluatedAndListsThem()
    {
        var snapshot = ThreeHighRisk().Offender("RSO-1", RiskLevel.Low, Settled()).ToSnapshot();

        var impact = PolicyImpact.Compare(Engine, snapshot, High60());

        impact.IsEvaluated.Should().BeFalse();
        impact.HasChanges.Should().BeFalse();
        impact.Problems.Should().NotBeEmpty();
        impact.Problems.Should().OnlyContain(p => p.Id == "RSO-1", "the duplicate id is the only problem");
    }

    [Fact]
    public void Compare_OverrideInvalidUnderTheProposedPolicyOnly_NamesThatPolicy()
    {
        // OV-1 defers RSO-1's overdue visit for 30 days: the baseline (default maxDays 90) accepts it, the proposed policy
        // (maxDays 14) does not.
        var snapshot = ThreeHighRisk().Override("OV-1", "VisitOverdue:RSO-1", AsOf.AddDays(-10), AsOf.AddDays(19)).ToSnapshot();
        var proposed = High60();
        proposed.Overrides.MaxDays = 14;

        var impact = PolicyImpact.Compare(Engine, snapshot, proposed);

        impact.IsEvaluated.Should().BeFalse();
        impact.Problems.Should().ContainSingle().Which.Should().Match<InputProblem>(p => p.Array == "overrides" && p.Id == "OV-1" && p.Field == "until");
        impact.Problems[0].Problem.Should().StartWith("under the proposed policy (version high-60): covers 30 days");
    }

    [Fact]
    public void Compare_OverrideInvalidUnderTheBaselineOnly_NamesThatPolicyAndListsTheProposedPolicysProblemsToo()
    {
        // OV-1 defers the team's backlog: only the proposed policy lists UnitBacklog. OV-2 lasts 30 days: only the baseline's
        // maxDays (90) allows it. OV-3's reason code is free text, a problem under both, named once and by neither.
        var snapshot = ThreeHighRisk()
            .Override("OV-1", "UnitBacklog:T-1", AsOf.AddDays(-10), AsOf.AddDays(1))
            .Override("OV-2", "VisitOverdue:RSO-1", AsOf.AddDays(-10), AsOf.AddDays(19))
            .Override("OV-3", "VisitOverdue:RSO-2", AsOf.AddDays(-10), AsOf.AddDays(1), reasonCode: "in hospital")
            .ToSnapshot();
        var proposed = High60();
        proposed.Overrides.MaxDays = 14;
        proposed.Overrides.Kinds = [FindingKinds.VisitOverdue, FindingKinds.UnitBacklog];

        var impact = PolicyImpact.Compare(Engine, snapshot, proposed, new SafeguardingPolicy { Version = "current" });

        impact.IsEvaluated.Should().BeFalse();
        impact.Problems.Select(p => (p.Id, p.Field, p.Problem.Split(':')[0])).Should().Equal(
            ("OV-1", "findingId", "under the baseline policy (version current)"),
            ("OV-3", "reasonCode", "must be a code of 1-64 characters from A-Z, 0-9 and _ (never free text)"),
            ("OV-2", "until", "under the proposed policy (version high-60)"));
    }

    [Fact]
    public void Compare_OverrideRefusedByBothPoliciesOnDifferentFields_SaysWhichPolicyRefusesItForEachReason()
    {
        // OV-1 defers the team's backlog for 30 days: the baseline refuses its kind (its maxDays, 90, allows the days), the
        // proposed policy refuses its days (maxDays 14; it lists UnitBacklog). Both refuse OV-1, each for another field, so
        // each line says which policy refuses it for that reason and that the other refuses it too; the proposed policy's
        // line comes right after the baseline's. OV-2 (30 days) only the proposed policy refuses: its label is unchanged.
        var snapshot = ThreeHighRisk()
            .Override("OV-1", "UnitBacklog:T-1", AsOf.AddDays(-10), AsOf.AddDays(19))
            .Override("OV-2", "VisitOverdue:RSO-1", AsOf.AddDays(-10), AsOf.AddDays(19))
            .ToSnapshot();
        var proposed = High60();
        proposed.Overrides.MaxDays = 14;
        proposed.Overrides.Kinds = [FindingKinds.VisitOverdue, FindingKinds.UnitBacklog];

        var impact = PolicyImpact.Compare(Engine, snapshot, proposed, new SafeguardingPolicy { Version = "current" });

        impact.IsEvaluated.Should().BeFalse();
        impact.Problems.Select(p => (p.Id, p.Field, p.Problem.Split(':')[0])).Should().Equal(
            ("OV-1", "findingId", "under the baseline policy only (version current; the proposed policy, version high-60, refuses it too, for until)"),
            ("OV-1", "until", "under the proposed policy only (version high-60; the baseline policy, version current, refuses it too, for findingId)"),
            ("OV-2", "until", "under the proposed policy (version high-60)"));
        impact.Problems[0].Problem.Should().EndWith("names a UnitBacklog finding, a kind the policy's overrides.kinds does not list (VisitOverdue, VisitDueSoon, RepeatedNoAccess, RiskReviewOverdue, NeighbourhoodNotBriefed)");
        impact.Problems[1].Problem.Should().EndWith("covers 30 days from from to until counted inclusively; overrides.maxDays allows at most 14");
    }

    [Fact]
    public void Compare_OverrideRefusedByBothForOneFieldInOtherWordsAndByOneForAnother_LabelsEachLineByItsReason()
    {
        // OV-1 defers the team's backlog for 30 days: the baseline refuses its kind and its days (maxDays 14), the proposed
        // policy (which lists UnitBacklog) its days only (maxDays 20). The days are refused by both in other words; the kind
        // by the baseline only, which that line says, naming the field the proposed policy refuses it for.
        var snapshot = ThreeHighRisk().Override("OV-1", "UnitBacklog:T-1", AsOf.AddDays(-10), AsOf.AddDays(19)).ToSnapshot();
        var proposed = High60();
        proposed.Overrides.MaxDays = 20;
        proposed.Overrides.Kinds = [FindingKinds.VisitOverdue, FindingKinds.UnitBacklog];
        var baseline = new SafeguardingPolicy { Version = "current" };
        baseline.Overrides.MaxDays = 14;

        var impact = PolicyImpact.Compare(Engine, snapshot, proposed, baseline);

        impact.IsEvaluated.Should().BeFalse();
        impact.Problems.Select(p => (p.Id, p.Field, p.Problem.Split(':')[0])).Should().BeEquivalentTo(
            [
                ("OV-1", "findingId", "under the baseline policy only (version current; the proposed policy, version high-60, refuses it too, for until)"),
                ("OV-1", "until", "under both policies (by the baseline policy, version current)"),
                ("OV-1", "until", "under both policies (by the proposed policy, version high-60)"),
            ],
            options => options.WithoutStrictOrdering());
        var both = impact.Problems.Select((p, i) => (p, i)).Where(x => x.p.Field == "until").Select(x => x.i).ToList();
        both.Should().HaveCount(2).And.Subject.Last().Should().Be(both[0] + 1, "the proposed policy's wording comes right after the baseline's");
    }

    [Fact]
    public void Compare_InvalidProposedPolicy_ThrowsNamingTheProperty()
    {
        var act = () => PolicyImpact.Compare(Engine, ThreeHighRisk().ToSnapshot(), new SafeguardingPolicy { FirstVisitDays = 0 });

        act.Should().Throw<PolicyValidationException>().WithMessage("*firstVisitDays*");
    }

    [Fact]
    public void Compare_ReportsOfDifferentDates_Throws()
    {
        var snapshot = ThreeHighRisk().ToSnapshot();
        var before = Engine.Evaluate(snapshot);
        var after = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = AsOf.AddDays(1) });

        var act = () => PolicyImpact.Compare(before, after);

        act.Should().Throw<ArgumentException>();
    }

    /// <summary>The expected keys, computed from the two reports alone.</summary>
    private static (List<string> Raised, List<string> Cleared, List<string> Changed) Expected(EvaluationReport before, EvaluationReport after)
    {
        before.Findings.Select(f => f.Id).Should().OnlyHaveUniqueItems();
        after.Findings.Select(f => f.Id).Should().OnlyHaveUniqueItems();
        var old = before.Findings.ToDictionary(f => f.Id);
        var @new = after.Findings.ToDictionary(f => f.Id);
        var raised = @new.Keys.Except(old.Keys).ToList();
        var cleared = old.Keys.Except(@new.Keys).ToList();
        var changed = @new.Keys.Intersect(old.Keys).Where(k => !Values(old[k]).Equals(Values(@new[k]))).ToList();
        return (raised, cleared, changed);
    }

    private static object Values(Finding f) =>
        (f.ManagerId, f.TeamId, f.RiskLevel, f.NeighbourhoodId, f.Since, f.DueOn, f.DaysOverdue, f.DaysUntilDue, f.EscalateTo, (f.NoAccessVisits, f.OverdueVisits, f.Caseload));
}
