using CsCheck;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Explanations;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Differential;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Explanations;

/// <summary>
/// For every subject of generated caseloads, an explanation agrees with the full evaluation: <c>fired</c> is exactly the
/// presence of that rule's finding about the subject, every finding is accounted for by its subject's explanation, and
/// the explanation's own arithmetic (the policy functions beside the rules) reaches the same verdict as the rules.
/// </summary>
public sealed class ExplanationAgreesWithEvaluationTests
{
    private static readonly SafeguardingEngine[] Engines =
    [
        SharedEngine.Instance,
        new(new SafeguardingRulesOptions().DisableRule(RuleNames.VisitOverdue).DisableTag(RuleTags.Community).DisableRule(RuleNames.AppropriateAdultDelayed)),
        new(new SafeguardingRulesOptions().DisableRule(RuleNames.EscalateToSupervisor).DisableRule(RuleNames.CaseloadCritical).DisableRule(RuleNames.StrategyActionOverdue)),
    ];

    /// <summary>Child-protection kinds the stricter policy lets overrides defer, so the property test sees suppressed findings too.</summary>
    private static readonly string[] OverriddenChildProtectionKinds =
        [FindingKinds.StrategyOutcomeNotRecorded, FindingKinds.AppropriateAdultDelayed, FindingKinds.PoliceProtectionExceeded];

    private static readonly SafeguardingPolicy Stricter = new()
    {
        Version = "stricter",
        VisitIntervalDays = new VisitIntervalPolicy { VeryHigh = 21, High = 60, Medium = 120, Low = 300 },
        FirstVisitDays = 14,
        DueSoonDays = 0,
        Caseload = new CaseloadPolicy { Target = 55, Critical = 60 },
        Escalation = new EscalationPolicy { SupervisorAfterDays = 7, InspectorAfterDays = 7, HighRiskInspectorAfterDays = 3, UnitBacklogPercent = 12.5m },
        RepeatedNoAccessVisits = 1,
        RiskReviewDays = 180,
        InitialAssessmentDays = 14,
        NeighbourhoodBriefingDays = 3,
        ChildProtection = new ChildProtectionPolicy
        {
            StrategyOutcomeWorkingDays = 2,
            AppropriateAdultAlertMinutes = 90,
            AppropriateAdultInspectorMinutes = 200,
            PoliceProtectionMaxHours = 48,
            LocalAuthorityInformMinutes = 120,
            NonWorkingDays = [new DateOnly(2018, 4, 30), new DateOnly(2018, 5, 7), new DateOnly(2018, 8, 27)],
        },
        Overrides = new OverridePolicy { Kinds = [.. OverridePolicy.DefaultKinds, .. OverriddenChildProtectionKinds] },
    };

    private static readonly Gen<(ulong Seed, int Offenders, int AsOfShift, int Policy, int Engine, bool Duplicate)> SyntheticCase =
        Gen.Select(Gen.ULong, Gen.Int[1, 400], Gen.Int[-90, 90], Gen.Int[0, 1], Gen.Int[0, Engines.Length - 1], Gen.Bool);

    private static readonly Gen<(int Seed, int Offenders, int AsOfShift, int Policy, int Engine, bool Invalid)> ChildProtectionCase =
        Gen.Select(Gen.Int, Gen.Int[1, 60], Gen.Int[-150, 150], Gen.Int[0, 1], Gen.Int[0, Engines.Length - 1], Gen.Bool);

    [Fact]
    public void Explain_EverySubjectOfSyntheticCaseloads_AgreesWithTheEvaluation()
    {
        SyntheticCase.Sample(
            c =>
            {
                // Offenders, managers and teams only: explain has no child-protection subjects yet (issue 12), so the
                // generated child-protection records are left out here.
                var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions
                {
                    Offenders = c.Offenders,
                    Seed = c.Seed,
                    StrategyDiscussionsPerThousandOffenders = 0,
                    DetentionsPerThousandOffenders = 0,
                    PoliceProtectionsPerThousandOffenders = 0,
                });
                if (c.Duplicate)
                {
                    // Two records with one id are both rejected: with partial results each becomes a DataQuality finding.
                    snapshot = new CaseloadSnapshot
                    {
                        AsOf = snapshot.AsOf,
                        Teams = snapshot.Teams,
                        Managers = snapshot.Managers,
                        Offenders = [.. snapshot.Offenders, snapshot.Offenders[0]],
                        Visits = snapshot.Visits,
                        Briefings = snapshot.Briefings,
                    };
                }

                var options = new EvaluationOptions
                {
                    AsOf = snapshot.AsOf!.Value.AddDays(c.AsOfShift),
                    Policy = c.Policy == 0 ? new SafeguardingPolicy() : Stricter,
                    AllowPartialResults = c.Duplicate,
                };
                AssertAgrees(Engines[c.Engine], snapshot, options);
            },
            iter: 40,
            print: static c => c.ToString());
    }

    [Fact]
    public void Explain_EveryChildProtectionRecordOfGeneratedCaseloads_AgreesWithTheEvaluation()
    {
        ChildProtectionCase.Sample(
            c =>
            {
                var offenders = SyntheticCaseload.Generate(c.Offenders, (ulong)c.Seed);
                var asOf = offenders.AsOf!.Value.AddDays(c.AsOfShift);
                var policy = c.Policy == 0 ? new SafeguardingPolicy() : Stricter;
                var snapshot = ChildProtectionRecords.With(offenders, c.Seed, asOf, c.Invalid, c.Policy == 0 ? [] : OverriddenChildProtectionKinds);
                AssertAgrees(Engines[c.Engine], snapshot, new EvaluationOptions { AsOf = asOf, Policy = policy, AllowPartialResults = c.Invalid });
            },
            iter: 150,
            print: static c => c.ToString());
    }

    [Fact]
    public void Explain_EverySubjectOfCaseloadsOnContractBoundaries_AgreesWithTheEvaluation()
    {
        CaseGenerators.Case.Select(Gen.Int[0, Engines.Length - 1]).Sample(
            c => AssertAgrees(Engines[c.Item2], c.Item1.Snapshot, new EvaluationOptions { AsOf = c.Item1.AsOf, Policy = c.Item1.Policy }),
            iter: 1_000,
            print: static c => c.Item1.ToString());
    }

    private static void AssertAgrees(SafeguardingEngine engine, CaseloadSnapshot snapshot, EvaluationOptions options)
    {
        var context = engine.Explanations(snapshot, options);
        var report = context.Report;
        report.IsEvaluated.Should().BeTrue(string.Join("; ", report.Problems));
        var running = engine.Rules.Select(static r => r.Name).ToHashSet(StringComparer.Ordinal);
        var accounted = new HashSet<Finding>(ReferenceEqualityComparer.Instance);

        foreach (var subject in Subjects(snapshot))
        {
            var explainer = SubjectExplainers.For(subject.Kind);
            var explanation = context.Explain(subject);
            explanation.IsExplained.Should().BeTrue(subject.ToString());
            explanation.Rules.Select(static r => r.Rule).Should().Equal(
                ExplanationTests.CatalogueOrder(explainer.Rules), "{0} lists the rules that apply to it, in catalogue order", subject);
            var accounts = explainer.Accounts(context, subject.Id);

            foreach (var rule in explanation.Rules)
            {
                bool IsRules(Finding f) => (rule.Rule == RuleNames.VisitOverdue ? f.Kind == FindingKinds.VisitOverdue : f.Rule == rule.Rule) && IsAbout(subject, f);
                var findings = report.Findings.Where(IsRules).ToList();
                var suppressed = report.Suppressed.Where(s => IsRules(s.Finding)).ToList();
                rule.Fired.Should().Be(findings.Count + suppressed.Count > 0, "{0}: fired is the presence of {1}'s finding (current or suppressed) in the evaluation; {2}", subject, rule.Rule, rule.Explanation);
                rule.SuppressedBy.Should().Be(findings.Count == 0 && suppressed.Count > 0 ? suppressed[0].OverrideId : null, "{0}: {1} names the override only when every finding of it was suppressed", subject, rule.Rule);
                rule.Disabled.Should().Be(!running.Contains(rule.Rule), "{0}: {1}", subject, rule.Rule);
                if (!rule.Disabled)
                {
                    accounts[rule.Rule].Holds.Should().Be(rule.Fired, "{0}: the explanation's policy arithmetic must agree with the rule: {1}", subject, rule);
                }

                rule.Explanation.Should().StartWith(rule.Disabled ? "switched off" : rule.SuppressedBy is { } by ? "raised, then suppressed by override " + by + ": " : rule.Fired ? "raised: " : "not raised: ");
                accounted.UnionWith(findings);
                accounted.UnionWith(suppressed.Select(static s => s.Finding));
            }
        }

        // A rejected child-protection record without a readable id names no subject; every other finding is some subject's.
        report.Findings.Concat(report.Suppressed.Select(static s => s.Finding))
            .Where(f => !accounted.Contains(f) && !(f.Rule == RuleNames.ChildProtectionDataQuality && f.RecordId is null))
            .Should().BeEmpty("every finding, current or suppressed, is explained as fired for its subject");
    }

    private static bool IsAbout(ExplainSubject subject, Finding finding) => subject.Kind switch
    {
        ExplainSubjectKind.Offender => finding.OffenderId == subject.Id,
        ExplainSubjectKind.Manager => finding.OffenderId is null && finding.ManagerId == subject.Id,
        ExplainSubjectKind.Team => finding.OffenderId is null && finding.ManagerId is null && finding.TeamId == subject.Id,
        ExplainSubjectKind.Discussion => finding.DiscussionId == subject.Id || IsRejected(finding, SnapshotArrays.StrategyDiscussions, subject.Id),
        ExplainSubjectKind.Detention => finding.DetentionId == subject.Id || IsRejected(finding, SnapshotArrays.Detentions, subject.Id),
        _ => finding.ProtectionId == subject.Id || IsRejected(finding, SnapshotArrays.PoliceProtections, subject.Id),
    };

    private static bool IsRejected(Finding finding, string array, string id) =>
        finding.Kind == FindingKinds.DataQuality && finding.Array == array && finding.RecordId == id;

    private static IEnumerable<ExplainSubject> Subjects(CaseloadSnapshot snapshot) =>
        snapshot.Offenders.Select(static o => o.Id).Distinct(StringComparer.Ordinal).Select(ExplainSubject.Offender)
            .Concat(snapshot.Managers.Select(static m => m.Id).Distinct(StringComparer.Ordinal).Select(ExplainSubject.Manager))
            .Concat((snapshot.Teams?.Select(static t => t.Id) ?? snapshot.Managers.Select(static m => m.TeamId).OfType<string>())
                .Distinct(StringComparer.Ordinal).Select(ExplainSubject.Team))
            .Concat(snapshot.StrategyDiscussions.Select(static d => d.Id).Distinct(StringComparer.Ordinal).Select(ExplainSubject.Discussion))
            .Concat(snapshot.Detentions.Select(static d => d.Id).Distinct(StringComparer.Ordinal).Select(ExplainSubject.Detention))
            .Concat(snapshot.PoliceProtections.Select(static p => p.Id).Distinct(StringComparer.Ordinal).Select(ExplainSubject.Protection));
}
