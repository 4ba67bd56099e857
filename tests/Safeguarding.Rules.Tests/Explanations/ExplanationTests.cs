using NRules.Fluent.Dsl;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Tests.Differential;

namespace Safeguarding.Rules.Tests.Explanations;

/// <summary>
/// Explanations on a hand-made force under a policy whose every value differs from the default (and from each other),
/// so an explanation that quotes a default or the wrong threshold is caught: for each rule, the explanation names each
/// policy value involved, by value and by its policy file name.
/// </summary>
public sealed class ExplanationTests
{
    private static readonly DateOnly D = new(2018, 5, 1);

    /// <summary>Every value distinct from the default policy's and from each other.</summary>
    private static readonly SafeguardingPolicy Policy = new()
    {
        Version = "force-test",
        VisitIntervalDays = new VisitIntervalPolicy { VeryHigh = 33, High = 77, Medium = 155, Low = 333 },
        FirstVisitDays = 21,
        DueSoonDays = 11,
        Caseload = new CaseloadPolicy { Target = 4, Critical = 6 },
        Escalation = new EscalationPolicy { SupervisorAfterDays = 13, InspectorAfterDays = 27, HighRiskInspectorAfterDays = 5, UnitBacklogPercent = 3.5m },
        RepeatedNoAccessVisits = 3,
        RiskReviewDays = 222,
        InitialAssessmentDays = 19,
        NeighbourhoodBriefingDays = 9,
    };

    [Theory]
    [InlineData("RSO-HIGH", RuleNames.VisitOverdue, true, "interval 77 days (High risk, visitIntervalDays.high)", "due 2018-04-21", "which is before 2018-05-01: 10 days overdue")]
    [InlineData("RSO-FIRST", RuleNames.VisitOverdue, true, "registered 2018-03-31", "first visit within 21 days (firstVisitDays)", "due 2018-04-21")]
    [InlineData("RSO-SOON", RuleNames.VisitOverdue, false, "interval 33 days (Very High risk, visitIntervalDays.veryHigh)", "due 2018-05-06, which is after 2018-05-01")]
    [InlineData("RSO-SOON", RuleNames.VisitDueSoon, true, "interval 33 days (Very High risk, visitIntervalDays.veryHigh)", "in 5 days, within 11 days (dueSoonDays)")]
    [InlineData("RSO-FINE", RuleNames.VisitDueSoon, false, "interval 333 days (Low risk, visitIntervalDays.low)", "more than 11 days (dueSoonDays)")]
    [InlineData("RSO-MEDIUM", RuleNames.VisitOverdue, true, "interval 155 days (Medium risk, visitIntervalDays.medium)", "3 days overdue")]
    [InlineData("RSO-NOACCESS", RuleNames.RepeatedNoAccess, true, "3 no-access visits since the last completed visit 2018-04-01", "at least 3 (repeatedNoAccessVisits)")]
    [InlineData("RSO-FINE", RuleNames.RepeatedNoAccess, false, "0 no-access visits", "below 3 (repeatedNoAccessVisits)")]
    [InlineData("RSO-HIGH", RuleNames.EscalateToDetectiveInspector, true, "10 days overdue, not more than 27 (escalation.inspectorAfterDays)", "risk High, High or Very High, and 10 days overdue, more than 5 (escalation.highRiskInspectorAfterDays)")]
    [InlineData("RSO-MEDIUM", RuleNames.EscalateToDetectiveInspector, false, "3 days overdue, not more than 27 (escalation.inspectorAfterDays)", "risk Medium, not High or Very High")]
    [InlineData("RSO-MEDIUM", RuleNames.EscalateToSupervisor, true, "3 days overdue, not more than 13 (escalation.supervisorAfterDays)", "risk Medium, not Very High", "0 no-access visits since the last completed one, below 3 (repeatedNoAccessVisits)", "manager OM-2 holds 7, above 6 (caseload.critical)")]
    [InlineData("RSO-LOW", RuleNames.OverdueStaysWithOffenderManager, true, "no escalation condition holds", "not more than 27 (escalation.inspectorAfterDays)", "not more than 13 (escalation.supervisorAfterDays)", "below 3 (repeatedNoAccessVisits)", "manager OM-1 holds 5, not above 6 (caseload.critical)")]
    [InlineData("RSO-LOW", RuleNames.EscalateToSupervisor, false, "2 days overdue, not more than 13 (escalation.supervisorAfterDays)", "risk Low, not Very High", "not above 6 (caseload.critical)")]
    [InlineData("RSO-REACTIVE", RuleNames.ReactiveManagementIneligible, true, "reactive management is recorded at High risk; it applies only to Low risk")]
    [InlineData("RSO-FINE", RuleNames.ReactiveManagementIneligible, false, "no reactive management is recorded")]
    [InlineData("RSO-NOBODY", RuleNames.Unallocated, true, "no offender manager is allocated")]
    [InlineData("RSO-FINE", RuleNames.Unallocated, false, "allocated to manager OM-1 in team T-1")]
    [InlineData("RSO-REVIEW", RuleNames.RiskReviewOverdue, true, "last risk assessment 2017-07-05, review every 222 days (riskReviewDays)", "due 2018-02-12", "78 days overdue")]
    [InlineData("RSO-FIRST", RuleNames.RiskReviewOverdue, true, "no risk assessment since registration on 2018-03-31", "initial assessment within 19 days (initialAssessmentDays)", "due 2018-04-19")]
    [InlineData("RSO-FINE", RuleNames.RiskReviewOverdue, false, "review every 222 days (riskReviewDays)", "which is not before 2018-05-01")]
    [InlineData("RSO-MOVED", RuleNames.NeighbourhoodNotBriefed, true, "moved into neighbourhood NPT-1 on 2018-04-11", "no briefing since", "20 days since, more than 9 days (neighbourhoodBriefingDays)")]
    [InlineData("RSO-BRIEFED", RuleNames.NeighbourhoodNotBriefed, false, "briefed on 2018-04-15, on or after that")]
    [InlineData("RSO-FINE", RuleNames.DataQuality, false, "the offender record is valid")]
    public void Explain_Offender_NamesEachPolicyValueInvolved(string offenderId, string rule, bool fired, params string[] fragments)
    {
        var explanation = Explain(ExplainSubject.Offender(offenderId));

        var line = explanation.Rules.Single(r => r.Rule == rule);
        line.Fired.Should().Be(fired, line.ToString());
        line.Explanation.Should().StartWith(fired ? "raised: " : "not raised: ");
        foreach (var fragment in fragments)
        {
            line.Explanation.Should().Contain(fragment);
        }
    }

    [Theory]
    [InlineData("OM-1", RuleNames.CaseloadAboveTarget, true, "manager OM-1 holds 5 offenders in the community, above 4 (caseload.target) and not above 6 (caseload.critical)")]
    [InlineData("OM-1", RuleNames.CaseloadCritical, false, "manager OM-1 holds 5 offenders in the community, not above 6 (caseload.critical)")]
    [InlineData("OM-2", RuleNames.CaseloadCritical, true, "manager OM-2 holds 7 offenders in the community, above 6 (caseload.critical)")]
    [InlineData("OM-2", RuleNames.CaseloadAboveTarget, false, "above 6 (caseload.critical): a critical manager gets only CaseloadCritical")]
    [InlineData("OM-3", RuleNames.CaseloadAboveTarget, false, "manager OM-3 holds 0 offenders in the community, not above 4 (caseload.target)")]
    public void Explain_Manager_NamesEachPolicyValueInvolved(string managerId, string rule, bool fired, string fragment)
    {
        var explanation = Explain(ExplainSubject.Manager(managerId));

        explanation.Rules.Select(static r => r.Rule).Should().Equal(RuleNames.CaseloadAboveTarget, RuleNames.CaseloadCritical);
        var line = explanation.Rules.Single(r => r.Rule == rule);
        line.Fired.Should().Be(fired, line.ToString());
        line.Explanation.Should().Contain(fragment);
    }

    [Fact]
    public void Explain_TeamWithBacklog_NamesThePercentage()
    {
        var explanation = Explain(ExplainSubject.Team("T-1"));

        var line = explanation.Rules.Should().ContainSingle().Subject;
        line.Rule.Should().Be(RuleNames.UnitBacklog);
        line.Fired.Should().BeTrue();
        line.Explanation.Should().Be("raised: team T-1 has 5 overdue visits against a caseload of 12, 41.67%, above 3.5% (escalation.unitBacklogPercent).");
    }

    [Fact]
    public void Explain_TeamWithoutCaseload_SaysThereIsNoBacklog()
    {
        var line = Explain(ExplainSubject.Team("T-EMPTY")).Rules.Single();

        line.Fired.Should().BeFalse();
        line.Explanation.Should().Contain("caseload 0").And.Contain("3.5% (escalation.unitBacklogPercent)");
    }

    [Fact]
    public void Explain_Offender_ListsTheOffenderRulesInCatalogueOrder()
    {
        var explanation = Explain(ExplainSubject.Offender("RSO-HIGH"));

        explanation.IsExplained.Should().BeTrue();
        explanation.AsOf.Should().Be(D);
        explanation.PolicyVersion.Should().Be("force-test");
        explanation.Rules.Select(static r => r.Rule).Should().Equal(
            new SafeguardingEngine().Rules.Select(static r => r.Name).Where(new OffenderExplainer().Rules.Contains));
        explanation.Rules.Should().OnlyContain(static r => r.IsBuiltIn && !r.Disabled && r.SuppressedBy == null);
    }

    [Fact]
    public void Explain_EveryBuiltInRule_AppliesToSomeKindOfSubject()
    {
        var explained = SubjectExplainers.Each.SelectMany(static e => e.Rules).ToList();

        // ChildProtectionDataQuality concludes about a rejected discussion, detention or protection: it applies to each of
        // those three kinds of subject (raised for the rejected one); every other rule applies to one kind only.
        SubjectExplainers.Each.Where(static e => e.Rules.Contains(RuleNames.ChildProtectionDataQuality)).Select(static e => e.Kind)
            .Should().BeEquivalentTo([ExplainSubjectKind.Discussion, ExplainSubjectKind.Detention, ExplainSubjectKind.Protection]);
        explained.Where(static r => r != RuleNames.ChildProtectionDataQuality).Should().OnlyHaveUniqueItems("a rule applies to one kind of subject");
        explained.Distinct().Should().BeEquivalentTo(
            new SafeguardingEngine().Rules.Where(static r => r.IsBuiltIn).Select(static r => r.Name),
            "every built-in rule must be explained: add it to the SubjectExplainer of the kind of subject it concludes about");
    }

    [Fact]
    public void Explain_UnknownSubject_ReportsAProblemNamingIt()
    {
        var explanation = Explain(ExplainSubject.Manager("OM-404"));

        explanation.IsEvaluated.Should().BeTrue();
        explanation.IsExplained.Should().BeFalse();
        explanation.SubjectProblem.Should().Be("The snapshot has no manager with id OM-404.");
        explanation.Rules.Should().BeEmpty();
    }

    [Fact]
    public void Explain_InvalidSnapshot_IsNotEvaluatedAndListsTheProblems()
    {
        var snapshot = Force();
        var broken = new CaseloadSnapshot { AsOf = D, Managers = snapshot.Managers, Teams = snapshot.Teams, Offenders = [.. snapshot.Offenders, snapshot.Offenders[0]] };

        var explanation = SharedEngine.Instance.Explain(broken, ExplainSubject.Offender("RSO-HIGH"), new EvaluationOptions { Policy = Policy });

        explanation.IsEvaluated.Should().BeFalse();
        explanation.IsExplained.Should().BeFalse();
        explanation.Problems.Should().NotBeEmpty();
        explanation.Rules.Should().BeEmpty();
    }

    [Fact]
    public void Explain_RejectedOffenderWithPartialResults_DataQualityFiredAndOthersNotEvaluated()
    {
        var snapshot = Force();
        var broken = new CaseloadSnapshot { AsOf = D, Managers = snapshot.Managers, Teams = snapshot.Teams, Offenders = [.. snapshot.Offenders, snapshot.Offenders[0]], Visits = snapshot.Visits };

        var explanation = SharedEngine.Instance.Explain(broken, ExplainSubject.Offender(snapshot.Offenders[0].Id), new EvaluationOptions { Policy = Policy, AllowPartialResults = true });

        explanation.IsExplained.Should().BeTrue();
        var dataQuality = explanation.Rules.Single(static r => r.Rule == RuleNames.DataQuality);
        dataQuality.Fired.Should().BeTrue();
        dataQuality.Explanation.Should().StartWith("raised: the offender record was rejected as invalid; fields at fault: id");
        explanation.Rules.Where(static r => r.Rule != RuleNames.DataQuality).Should().OnlyContain(static r => !r.Fired && r.Explanation.Contains("rejected"));
    }

    [Fact]
    public void Explain_NotYetRegistered_SaysItIsLeftOut()
    {
        var explanation = Explain(ExplainSubject.Offender("RSO-FUTURE"));

        explanation.Rules.Where(static r => r.Rule != RuleNames.DataQuality).Should().OnlyContain(
            static r => !r.Fired && r.Explanation == "not raised: not yet registered on 2018-05-01 (registered 2018-06-01), so left out of every count and finding.");
    }

    [Fact]
    public void Explain_RuleSwitchedOff_SaysSoAndWhatItWouldConclude()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions().DisableRule(RuleNames.VisitOverdue));

        var explanation = engine.Explain(Force(), ExplainSubject.Offender("RSO-HIGH"), new EvaluationOptions { Policy = Policy });

        var overdue = explanation.Rules.Single(static r => r.Rule == RuleNames.VisitOverdue);
        overdue.Disabled.Should().BeTrue();
        overdue.Fired.Should().BeFalse();
        overdue.Explanation.Should().StartWith("switched off, so it did not run; by the policy it would be raised: ").And.Contain("10 days overdue");
        explanation.Rules.Single(static r => r.Rule == RuleNames.EscalateToDetectiveInspector).Explanation
            .Should().Be("not raised: no overdue visit is concluded: VisitOverdue is switched off.");
    }

    [Fact]
    public void Explain_HostRule_ListedByNameAfterTheBuiltInRulesWithWhetherItFired()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions().AddRule<FlagVeryHighRiskRule>());

        var flagged = engine.Explain(Force(), ExplainSubject.Offender("RSO-SOON"), new EvaluationOptions { Policy = Policy });
        var other = engine.Explain(Force(), ExplainSubject.Offender("RSO-HIGH"), new EvaluationOptions { Policy = Policy });

        flagged.Rules[^1].Should().BeEquivalentTo(new { Rule = "FlagVeryHighRisk", IsBuiltIn = false, Fired = true, Explanation = "raised: a host rule; 1 finding about this offender." });
        other.Rules[^1].Should().BeEquivalentTo(new { Rule = "FlagVeryHighRisk", IsBuiltIn = false, Fired = false, Explanation = "not raised: a host rule; no finding about this offender." });
    }

    [Fact]
    public void ExplanationJson_Write_GivesTheDocumentInContractShape()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions().DisableRule(RuleNames.CaseloadAboveTarget));
        var explanation = engine.Explain(Force(), ExplainSubject.Manager("OM-2"), new EvaluationOptions { Policy = Policy });
        using var stream = new MemoryStream();

        ExplanationJson.Write(explanation, stream);

        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        json.Should().Be(
            """
            {
              "subject": {
                "kind": "manager",
                "id": "OM-2"
              },
              "asOf": "2018-05-01",
              "policyVersion": "force-test",
              "rules": [
                {
                  "rule": "CaseloadAboveTarget",
                  "fired": false,
                  "disabled": true,
                  "explanation": "switched off, so it did not run; by the policy it would not be raised: manager OM-2 holds 7 offenders in the community, above 6 (caseload.critical): a critical manager gets only CaseloadCritical."
                },
                {
                  "rule": "CaseloadCritical",
                  "fired": true,
                  "explanation": "raised: manager OM-2 holds 7 offenders in the community, above 6 (caseload.critical)."
                }
              ]
            }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ExplanationJson_Write_UnknownSubject_ThrowsNamingIt()
    {
        var explanation = Explain(ExplainSubject.Team("T-404"));

        var write = () => ExplanationJson.Write(explanation, new MemoryStream());

        write.Should().Throw<ArgumentException>().WithMessage("The snapshot has no team with id T-404.*");
    }

    /// <summary>The rule names of <paramref name="rules"/> in the rule catalogue's order (built-in rules by ordinal name).</summary>
    internal static IEnumerable<string> CatalogueOrder(IEnumerable<string> rules) =>
        rules.Order(StringComparer.Ordinal);

    private static SubjectExplanation Explain(ExplainSubject subject) =>
        SharedEngine.Instance.Explain(Force(), subject, new EvaluationOptions { Policy = Policy });

    /// <summary>
    /// Team T-1: OM-1 holds 5 (above target 4), OM-2 holds 7 (critical above 6); OM-3 holds none; team T-EMPTY has no
    /// manager. Five visits are overdue (RSO-HIGH, RSO-MEDIUM, RSO-LOW, RSO-FIRST, RSO-NOASSESS).
    /// </summary>
    private static CaseloadSnapshot Force()
    {
        var offenders = new List<Offender>();
        var visits = new List<Visit>();
        var briefings = new List<Briefing>();

        void Add(string id, RiskLevel risk, string? manager, int? lastCompletedDaysAgo, int registeredDaysAgo = 1000, int? assessedDaysAgo = 10,
            bool reactive = false, string? neighbourhood = null, int? movedInDaysAgo = null)
        {
            offenders.Add(new Offender
            {
                Id = id,
                RiskLevel = risk,
                ManagerId = manager,
                RegisteredOn = D.AddDays(-registeredDaysAgo),
                RiskAssessedOn = assessedDaysAgo is { } a ? D.AddDays(-a) : null,
                ReactiveManagement = reactive,
                NeighbourhoodId = neighbourhood,
                MovedIntoNeighbourhoodOn = movedInDaysAgo is { } m ? D.AddDays(-m) : null,
            });
            if (lastCompletedDaysAgo is { } days)
            {
                visits.Add(new Visit { OffenderId = id, Date = D.AddDays(-days), Outcome = VisitOutcome.Completed });
            }
        }

        Add("RSO-HIGH", RiskLevel.High, "OM-1", 77 + 10);
        Add("RSO-LOW", RiskLevel.Low, "OM-1", 333 + 2);
        Add("RSO-SOON", RiskLevel.VeryHigh, "OM-1", 33 - 5);
        Add("RSO-FIRST", RiskLevel.Medium, "OM-1", null, registeredDaysAgo: 31, assessedDaysAgo: null);
        Add("RSO-FINE", RiskLevel.Low, "OM-1", 10);
        Add("RSO-MEDIUM", RiskLevel.Medium, "OM-2", 155 + 3);
        Add("RSO-NOACCESS", RiskLevel.Low, "OM-2", 30);
        Add("RSO-REACTIVE", RiskLevel.High, "OM-2", 10, reactive: true);
        Add("RSO-REVIEW", RiskLevel.Low, "OM-2", 10, assessedDaysAgo: 300);
        Add("RSO-NOASSESS", RiskLevel.Low, "OM-2", null, registeredDaysAgo: 400, assessedDaysAgo: null);
        Add("RSO-MOVED", RiskLevel.Low, "OM-2", 10, neighbourhood: "NPT-1", movedInDaysAgo: 20);
        Add("RSO-BRIEFED", RiskLevel.Low, "OM-2", 10, neighbourhood: "NPT-1", movedInDaysAgo: 20);
        Add("RSO-NOBODY", RiskLevel.Low, null, 10);
        Add("RSO-FUTURE", RiskLevel.Low, "OM-3", null, registeredDaysAgo: -31, assessedDaysAgo: null);
        foreach (var daysAgo in new[] { 20, 15, 5 })
        {
            visits.Add(new Visit { OffenderId = "RSO-NOACCESS", Date = D.AddDays(-daysAgo), Outcome = VisitOutcome.NoAccess });
        }

        briefings.Add(new Briefing { OffenderId = "RSO-BRIEFED", NeighbourhoodId = "NPT-1", Date = D.AddDays(-16) });

        return new CaseloadSnapshot
        {
            AsOf = D,
            Teams = [new Team { Id = "T-1" }, new Team { Id = "T-EMPTY" }],
            Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }, new Manager { Id = "OM-2", TeamId = "T-1" }, new Manager { Id = "OM-3", TeamId = "T-1" }],
            Offenders = offenders,
            Visits = visits,
            Briefings = briefings,
        };
    }

    /// <summary>A host rule: flags every Very High risk offender.</summary>
    [Name("FlagVeryHighRisk")]
    public sealed class FlagVeryHighRiskRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When()
                .Match(() => offender, o => o.RiskLevel == RiskLevel.VeryHigh);

            Then()
                .Yield(_ => new Finding { Kind = "HostFlag", Rule = "FlagVeryHighRisk", Reason = "Flagged by the host.", OffenderId = offender.Id });
        }
    }
}
