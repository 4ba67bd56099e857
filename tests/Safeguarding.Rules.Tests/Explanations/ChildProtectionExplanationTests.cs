using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Tests.Differential;

namespace Safeguarding.Rules.Tests.Explanations;

/// <summary>
/// Explanations of strategy discussions, detentions and police protections (contract section 6) under a policy whose
/// every child-protection value differs from the default (and from each other), so an explanation that quotes a
/// default or the wrong limit is caught: for each rule, the explanation names each policy value involved, by value and
/// by its policy file name. As of Tuesday 2018-05-01; the as-of instant T is 2018-05-02T00:00+01:00 = 2018-05-01T23:00Z.
/// </summary>
public sealed class ChildProtectionExplanationTests
{
    private static readonly DateOnly D = new(2018, 5, 1);

    private static readonly SafeguardingPolicy Policy = new()
    {
        Version = "cp-test",
        ChildProtection = new ChildProtectionPolicy
        {
            StrategyOutcomeWorkingDays = 2,
            AppropriateAdultAlertMinutes = 95,
            AppropriateAdultInspectorMinutes = 185,
            PoliceProtectionMaxHours = 47,
            LocalAuthorityInformMinutes = 133,
            NonWorkingDays = [new DateOnly(2018, 4, 23), new DateOnly(2018, 12, 25)],
        },
        Overrides = new OverridePolicy { Kinds = [.. OverridePolicy.DefaultKinds, FindingKinds.AppropriateAdultDelayed] },
    };

    [Theory]
    [InlineData("SD-LATE", RuleNames.StrategyOutcomeNotRecorded, true, "held 2018-04-20 (Friday)", "2 working day(s) (childProtection.strategyOutcomeWorkingDays)", "except childProtection.nonWorkingDays (2018-04-23 skipped): due 2018-04-25", "no outcome recorded by 2018-05-01, which is after the due date: 6 days overdue.")]
    [InlineData("SD-ONTIME", RuleNames.StrategyOutcomeNotRecorded, false, "held 2018-04-26 (Thursday)", "2 working day(s) (childProtection.strategyOutcomeWorkingDays)", "childProtection.nonWorkingDays (none in between): due 2018-04-30", "outcome recorded 2018-04-30, on or before the due date.")]
    [InlineData("SD-LATE", RuleNames.StrategyActionOverdue, true, "police action 1 due 2018-04-27, not completed by 2018-05-01, which is after the due date: 4 days overdue", "action 2 is owned by Health: other agencies' actions give no finding")]
    [InlineData("SD-ONTIME", RuleNames.StrategyActionOverdue, false, "police action 1 due 2018-05-01, not completed yet; 2018-05-01 is not after the due date.")]
    [InlineData("SD-FUTURE", RuleNames.StrategyOutcomeNotRecorded, false, "held 2018-05-02, after the as-of date 2018-05-01: it has not happened yet")]
    [InlineData("SD-LATE", RuleNames.ChildProtectionDataQuality, false, "the discussion record is valid.")]
    public void Explain_Discussion_NamesEachPolicyValueInvolved(string id, string rule, bool fired, params string[] fragments) =>
        AssertLine(ExplainSubject.Discussion(id), rule, fired, fragments);

    [Theory]
    [InlineData("CUS-INSP", RuleNames.AppropriateAdultDelayed, true, "juvenile detained 2018-05-01 10:00 UTC; appropriate adult arrived 2018-05-01 13:06 UTC, after 186 minutes (3 h 6 min)", "more than 95 (childProtection.appropriateAdultAlertMinutes) and more than 185 (childProtection.appropriateAdultInspectorMinutes): escalated to Inspector.")]
    [InlineData("CUS-SUP", RuleNames.AppropriateAdultDelayed, true, "after 96 minutes (1 h 36 min), more than 95 (childProtection.appropriateAdultAlertMinutes) and not more than 185 (childProtection.appropriateAdultInspectorMinutes): escalated to Supervisor.")]
    [InlineData("CUS-OK", RuleNames.AppropriateAdultDelayed, false, "after 95 minutes (1 h 35 min), not more than 95 (childProtection.appropriateAdultAlertMinutes); the inspector limit is 185 (childProtection.appropriateAdultInspectorMinutes).")]
    [InlineData("CUS-WAIT", RuleNames.AppropriateAdultDelayed, true, "no appropriate adult and no release by the as-of instant 2018-05-01 23:00 UTC: waiting 120 minutes (2 h), more than 95")]
    [InlineData("CUS-RELEASED", RuleNames.AppropriateAdultDelayed, false, "released 2018-05-01 10:30 UTC without an appropriate adult, after 30 minutes, not more than 95")]
    [InlineData("CUS-ADULT", RuleNames.AppropriateAdultDelayed, false, "not a juvenile: an appropriate adult is required for juveniles only.")]
    [InlineData("CUS-INSP", RuleNames.InterviewWithoutAppropriateAdult, true, "interview from 2018-05-01 13:30 UTC: appropriate adult present", "interview from 2018-05-01 14:00 UTC: no appropriate adult present and no urgent interview authorised", "1 later interview after the as-of instant 2018-05-01 23:00 UTC is not counted.")]
    [InlineData("CUS-OK", RuleNames.InterviewWithoutAppropriateAdult, false, "interview from 2018-05-01 12:00 UTC: no appropriate adult present, urgent interview authorised.")]
    [InlineData("CUS-WAIT", RuleNames.InterviewWithoutAppropriateAdult, false, "no interview started by the as-of instant 2018-05-01 23:00 UTC.")]
    [InlineData("CUS-FUTURE", RuleNames.AppropriateAdultDelayed, false, "authorised 2018-05-02 08:00 UTC, after the as-of instant 2018-05-01 23:00 UTC: it has not happened yet")]
    public void Explain_Detention_NamesEachPolicyValueInvolved(string id, string rule, bool fired, params string[] fragments) =>
        AssertLine(ExplainSubject.Detention(id), rule, fired, fragments);

    [Theory]
    [InlineData("PP-OVER", RuleNames.PoliceProtectionExceeded, true, "in police protection from 2018-04-29 23:59 UTC and still at the as-of instant 2018-05-01 23:00 UTC: 2821 minutes (47 h 1 min), more than 47 h (childProtection.policeProtectionMaxHours), 2820 minutes.")]
    [InlineData("PP-ENDED", RuleNames.PoliceProtectionExceeded, false, "to its end 2018-04-29 23:00 UTC: 2820 minutes (47 h), not more than 47 h (childProtection.policeProtectionMaxHours), 2820 minutes.")]
    [InlineData("PP-OVER", RuleNames.LocalAuthorityNotInformed, false, "local authority informed 2018-04-30 02:12 UTC, 133 minutes (2 h 13 min) after the start, not more than 133 (childProtection.localAuthorityInformMinutes).")]
    [InlineData("PP-LATE", RuleNames.LocalAuthorityNotInformed, true, "local authority informed 2018-05-01 12:14 UTC, 134 minutes (2 h 14 min) after the start, more than 133 (childProtection.localAuthorityInformMinutes).")]
    [InlineData("PP-ENDED", RuleNames.LocalAuthorityNotInformed, true, "local authority not informed by the as-of instant 2018-05-01 23:00 UTC, 5700 minutes (95 h) after the start (the protection has ended; the duty remains), more than 133 (childProtection.localAuthorityInformMinutes).")]
    public void Explain_Protection_NamesEachPolicyValueInvolved(string id, string rule, bool fired, params string[] fragments) =>
        AssertLine(ExplainSubject.Protection(id), rule, fired, fragments);

    [Fact]
    public void Explain_Detention_ListsItsRulesInCatalogueOrder()
    {
        var explanation = Explain(ExplainSubject.Detention("CUS-INSP"));

        explanation.IsExplained.Should().BeTrue();
        explanation.Subject.ToString().Should().Be("detention CUS-INSP");
        explanation.Rules.Select(static r => r.Rule).Should().Equal(
            RuleNames.AppropriateAdultDelayed, RuleNames.ChildProtectionDataQuality, RuleNames.InterviewWithoutAppropriateAdult);
    }

    [Fact]
    public void Explain_RejectedDetentionWithPartialResults_ChildProtectionDataQualityRaisedAndOthersNotEvaluated()
    {
        var snapshot = Force();
        var broken = With(snapshot, detentions: [.. snapshot.Detentions, Detention("CUS-BAD", "2018-05-01T10:00Z", arrived: "2018-05-01T09:59Z")]);

        var explanation = SharedEngine.Instance.Explain(broken, ExplainSubject.Detention("CUS-BAD"), new EvaluationOptions { Policy = Policy, AllowPartialResults = true });

        explanation.IsExplained.Should().BeTrue();
        var dataQuality = explanation.Rules.Single(static r => r.Rule == RuleNames.ChildProtectionDataQuality);
        dataQuality.Fired.Should().BeTrue();
        dataQuality.Explanation.Should().Be("raised: the detention record was rejected as invalid; fields at fault: appropriateAdultArrivedAt.");
        explanation.Rules.Where(static r => r.Rule != RuleNames.ChildProtectionDataQuality).Should().OnlyContain(
            static r => !r.Fired && r.Explanation == "not raised: the detention record was rejected, so the other rules did not evaluate it (see ChildProtectionDataQuality).");
    }

    [Fact]
    public void Explain_SuppressedDetentionFinding_FiredAndNamesTheOverride()
    {
        var snapshot = Force();
        var deferred = With(snapshot, overrides: [new Override { Id = "OV-1", FindingId = "AppropriateAdultDelayed:CUS-SUP", ReasonCode = "IN_HOSPITAL", AuthorisedBy = "DS-0001", From = D.AddDays(-1), Until = D.AddDays(1) }]);

        var explanation = SharedEngine.Instance.Explain(deferred, ExplainSubject.Detention("CUS-SUP"), new EvaluationOptions { Policy = Policy });

        var line = explanation.Rules.Single(static r => r.Rule == RuleNames.AppropriateAdultDelayed);
        line.Fired.Should().BeTrue();
        line.SuppressedBy.Should().Be("OV-1");
        line.Explanation.Should().StartWith("raised, then suppressed by override OV-1: juvenile detained 2018-05-01 10:00 UTC");
    }

    [Theory]
    [InlineData(ExplainSubjectKind.Discussion, "CUS-INSP", "The snapshot has no discussion with id CUS-INSP.")]
    [InlineData(ExplainSubjectKind.Detention, "CUS-404", "The snapshot has no detention with id CUS-404.")]
    [InlineData(ExplainSubjectKind.Protection, "PP-404", "The snapshot has no protection with id PP-404.")]
    public void Explain_UnknownChildProtectionSubject_ReportsAProblemNamingIt(ExplainSubjectKind kind, string id, string problem)
    {
        var subject = kind switch
        {
            ExplainSubjectKind.Discussion => ExplainSubject.Discussion(id),
            ExplainSubjectKind.Detention => ExplainSubject.Detention(id),
            _ => ExplainSubject.Protection(id),
        };

        var explanation = Explain(subject);

        explanation.IsExplained.Should().BeFalse();
        explanation.SubjectProblem.Should().Be(problem);
        explanation.Rules.Should().BeEmpty();
    }

    private static void AssertLine(ExplainSubject subject, string rule, bool fired, string[] fragments)
    {
        var explanation = Explain(subject);

        explanation.IsExplained.Should().BeTrue(explanation.SubjectProblem);
        var line = explanation.Rules.Single(r => r.Rule == rule);
        line.Fired.Should().Be(fired, line.ToString());
        line.Explanation.Should().StartWith(fired ? "raised: " : "not raised: ");
        foreach (var fragment in fragments)
        {
            line.Explanation.Should().Contain(fragment);
        }
    }

    private static SubjectExplanation Explain(ExplainSubject subject) =>
        SharedEngine.Instance.Explain(Force(), subject, new EvaluationOptions { Policy = Policy });

    private static CaseloadSnapshot With(CaseloadSnapshot snapshot, IReadOnlyList<Detention>? detentions = null, IReadOnlyList<Override>? overrides = null) => new()
    {
        AsOf = snapshot.AsOf,
        StrategyDiscussions = snapshot.StrategyDiscussions,
        Detentions = detentions ?? snapshot.Detentions,
        PoliceProtections = snapshot.PoliceProtections,
        Overrides = overrides ?? snapshot.Overrides,
    };

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private static Detention Detention(string id, string authorised, string? arrived = null, string? released = null, bool juvenile = true, params Interview[] interviews) => new()
    {
        Id = id,
        CustodySuiteId = "CS-1",
        Juvenile = juvenile,
        AuthorisedAt = At(authorised),
        AppropriateAdultArrivedAt = arrived is null ? null : At(arrived),
        ReleasedAt = released is null ? null : At(released),
        Interviews = interviews,
    };

    private static Interview Interview(string started, bool present, bool urgent = false) => new() { StartedAt = At(started), AppropriateAdultPresent = present, UrgentInterviewAuthorised = urgent };

    /// <summary>
    /// SD-LATE: held Friday 2018-04-20, 2 working days skipping the weekend and the non-working Monday 2018-04-23: due
    /// 2018-04-25, no outcome: 6 days overdue; its police action 1 is 4 days overdue, its Health action 2 is not ours.
    /// SD-ONTIME: held Thursday 2018-04-26, due Monday 2018-04-30, recorded then; its police action is due today.
    /// Detentions waiting 186 (Inspector), 96 (Supervisor), 95 (no finding) minutes; CUS-WAIT awaiting since 21:00Z
    /// (120 minutes at T); CUS-RELEASED released after 30; CUS-ADULT not a juvenile; CUS-FUTURE after T.
    /// PP-OVER: 47 h 1 min at T, informed after 133 minutes; PP-ENDED: 47 h exactly, never informed (95 h at T);
    /// PP-LATE: informed after 134 minutes.
    /// </summary>
    private static CaseloadSnapshot Force() => new()
    {
        AsOf = D,
        StrategyDiscussions =
        [
            new StrategyDiscussion
            {
                Id = "SD-LATE",
                TeamId = "T-1",
                HeldOn = new DateOnly(2018, 4, 20),
                Actions =
                [
                    new StrategyAction { Id = "1", Owner = ActionOwner.Police, DueOn = new DateOnly(2018, 4, 27) },
                    new StrategyAction { Id = "2", Owner = ActionOwner.Health, DueOn = new DateOnly(2018, 4, 21) },
                ],
            },
            new StrategyDiscussion
            {
                Id = "SD-ONTIME",
                HeldOn = new DateOnly(2018, 4, 26),
                OutcomeRecordedOn = new DateOnly(2018, 4, 30),
                Actions = [new StrategyAction { Id = "1", Owner = ActionOwner.Police, DueOn = D }],
            },
            new StrategyDiscussion { Id = "SD-FUTURE", HeldOn = D.AddDays(1) },
        ],
        Detentions =
        [
            Detention("CUS-INSP", "2018-05-01T10:00Z", arrived: "2018-05-01T14:06+01:00", interviews:
            [
                Interview("2018-05-01T13:30Z", present: true),
                Interview("2018-05-01T14:00Z", present: false),
                Interview("2018-05-02T08:00Z", present: false),
            ]),
            Detention("CUS-SUP", "2018-05-01T10:00Z", arrived: "2018-05-01T11:36Z"),
            Detention("CUS-OK", "2018-05-01T10:00Z", arrived: "2018-05-01T11:35Z", interviews: [Interview("2018-05-01T12:00Z", present: false, urgent: true)]),
            Detention("CUS-WAIT", "2018-05-01T21:00Z"),
            Detention("CUS-RELEASED", "2018-05-01T10:00Z", released: "2018-05-01T10:30Z"),
            Detention("CUS-ADULT", "2018-04-30T10:00Z", juvenile: false),
            Detention("CUS-FUTURE", "2018-05-02T09:00+01:00"),
        ],
        PoliceProtections =
        [
            new PoliceProtection { Id = "PP-OVER", TeamId = "T-1", StartedAt = At("2018-04-29T23:59Z"), LocalAuthorityInformedAt = At("2018-04-30T02:12Z") },
            new PoliceProtection { Id = "PP-ENDED", StartedAt = At("2018-04-28T00:00Z"), EndedAt = At("2018-04-29T23:00Z") },
            new PoliceProtection { Id = "PP-LATE", StartedAt = At("2018-05-01T10:00Z"), LocalAuthorityInformedAt = At("2018-05-01T12:14Z"), EndedAt = At("2018-05-01T13:00Z") },
        ],
    };
}
