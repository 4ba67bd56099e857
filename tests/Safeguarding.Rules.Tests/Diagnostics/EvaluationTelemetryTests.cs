using System.Diagnostics;
using Safeguarding.Rules.Diagnostics;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Diagnostics;

/// <summary>
/// The engine's metrics and traces (see <see cref="SafeguardingRulesDiagnostics"/>). Each test reads back only what its
/// own evaluation recorded, by trace, so test classes evaluating in parallel do not disturb it.
/// </summary>
public sealed class EvaluationTelemetryTests
{
    private const string Duration = "safeguarding.rules.evaluation.duration";
    private const string OffendersEvaluated = "safeguarding.rules.offenders.evaluated";
    private const string Findings = "safeguarding.rules.findings";
    private const string InputProblems = "safeguarding.rules.input.problems";

    private static readonly SafeguardingEngine Engine = new();
    private static readonly CaseloadSnapshot Caseload = SyntheticCaseload.Generate(300, seed: 11);

    [Fact]
    public void Names_AreTheLibrarysName()
    {
        SafeguardingRulesDiagnostics.MeterName.Should().Be("Safeguarding.Rules");
        SafeguardingRulesDiagnostics.ActivitySourceName.Should().Be("Safeguarding.Rules");
    }

    [Fact]
    public void Evaluate_RecordsDurationOffendersAndFindingsByKind()
    {
        using var capture = new TelemetryCapture();

        var report = capture.Run(() => Engine.Evaluate(Caseload));

        report.IsEvaluated.Should().BeTrue();
        var duration = capture.Of(Duration).Should().ContainSingle().Subject;
        duration.Unit.Should().Be("s");
        duration.Value.Should().BePositive();
        duration.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "evaluated" });
        capture.Of(OffendersEvaluated).Should().ContainSingle().Which.Value.Should().Be(report.Summary.Evaluated);
        capture.Of(Findings).ToDictionary(m => (string)m.Tags["kind"]!, m => (int)m.Value)
            .Should().Equal(report.Summary.FindingsByKind).And.NotBeEmpty();
        capture.Of(InputProblems).Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_StartsOneActivity_WithItsThreePhasesAsChildrenInOrder()
    {
        using var capture = new TelemetryCapture();

        var report = capture.Run(() => Engine.Evaluate(Caseload));

        var evaluation = capture.Activities.Should().ContainSingle(a => a.OperationName == "safeguarding.rules.evaluate").Subject;
        evaluation.ParentSpanId.Should().Be(capture.Parent!.SpanId);
        evaluation.Source.Name.Should().Be(SafeguardingRulesDiagnostics.ActivitySourceName);
        evaluation.GetTagItem("outcome").Should().Be("evaluated");
        evaluation.GetTagItem("offenders").Should().Be(report.Summary.Offenders);
        evaluation.GetTagItem("findings").Should().Be(report.Findings.Count);

        var phases = capture.Activities.Where(a => a.ParentSpanId == evaluation.SpanId).OrderBy(a => a.StartTimeUtc).ToList();
        phases.Select(a => a.OperationName).Should().Equal("safeguarding.rules.prepare", "safeguarding.rules.run_rules", "safeguarding.rules.report");
        phases.Should().OnlyContain(p => p.StartTimeUtc >= evaluation.StartTimeUtc && p.StartTimeUtc + p.Duration <= evaluation.StartTimeUtc + evaluation.Duration);
        phases[0].StartTimeUtc.Should().Be(evaluation.StartTimeUtc);
        phases[1].StartTimeUtc.Should().Be(phases[0].StartTimeUtc + phases[0].Duration);
        phases[2].StartTimeUtc.Should().Be(phases[1].StartTimeUtc + phases[1].Duration);
    }

    [Fact]
    public void Evaluate_LeavesTheCallersActivityCurrent()
    {
        using var capture = new TelemetryCapture();

        var current = capture.Run(() =>
        {
            Engine.Evaluate(Caseload);
            return Activity.Current;
        });

        current.Should().BeSameAs(capture.Parent);
    }

    [Fact]
    public void Evaluate_InvalidInputStopsTheRun_RecordsRejectedOutcomeAndProblems_NoPhases()
    {
        using var capture = new TelemetryCapture();
        var snapshot = Broken();

        var report = capture.Run(() => Engine.Evaluate(snapshot));

        report.IsEvaluated.Should().BeFalse();
        capture.Of(Duration).Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "rejected" });
        var problems = capture.Of(InputProblems).Should().ContainSingle().Subject;
        problems.Value.Should().Be(report.Problems.Count).And.BeGreaterThan(1);
        problems.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "rejected" });
        capture.Of(Findings).Should().BeEmpty();
        capture.Of(OffendersEvaluated).Should().BeEmpty();
        capture.Activities.Should().ContainSingle().Which.GetTagItem("outcome").Should().Be("rejected");
    }

    [Fact]
    public void Evaluate_PartialResults_CountsProblemsAsEvaluated()
    {
        using var capture = new TelemetryCapture();
        var snapshot = Broken();

        var report = capture.Run(() => Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true }));

        report.IsEvaluated.Should().BeTrue();
        var problems = capture.Of(InputProblems).Should().ContainSingle().Subject;
        problems.Value.Should().Be(report.Problems.Count);
        problems.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "evaluated" });
        capture.Of(Findings).Should().Contain(m => (string)m.Tags["kind"]! == "DataQuality");
    }

    [Fact]
    public void Evaluate_TagsHoldOnlyKindOutcomeAndCounts_NeverAnIdentifier()
    {
        using var capture = new TelemetryCapture();
        var snapshot = Broken();

        capture.Run(() => Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true }));
        capture.Run(() => Engine.Evaluate(Caseload));

        var identifiers = Caseload.Offenders.Select(o => o.Id)
            .Concat(Caseload.Managers.Select(m => m.Id))
            .Concat(Caseload.Teams?.Select(t => t.Id) ?? [])
            .Concat(snapshot.Offenders.Select(o => o.Id))
            .Concat(snapshot.Managers.Select(m => m.Id))
            .ToHashSet(StringComparer.Ordinal);
        capture.Measurements.SelectMany(m => m.Tags.Keys).Distinct().Should().BeSubsetOf(["kind", "outcome"]);
        var values = capture.Measurements.SelectMany(m => m.Tags.Values)
            .Concat(capture.Activities.SelectMany(a => a.TagObjects.Select(t => t.Value)))
            .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        values.Should().NotBeEmpty().And.NotContain(v => identifiers.Any(id => v!.Contains(id, StringComparison.Ordinal)));
    }

    /// <summary>A caseload with two problems: an offender whose manager does not exist and a visit of nobody.</summary>
    private static CaseloadSnapshot Broken() => new()
    {
        AsOf = new DateOnly(2018, 5, 1),
        Managers = [new Manager { Id = "OM-TELEMETRY" }],
        Offenders =
        [
            new Offender { Id = "RSO-TELEMETRY-1", ManagerId = "OM-TELEMETRY-404", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2015, 1, 1) },
            new Offender { Id = "RSO-TELEMETRY-2", ManagerId = "OM-TELEMETRY", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2015, 1, 1) },
        ],
        Visits = [new Visit { OffenderId = "RSO-TELEMETRY-404", Date = new DateOnly(2018, 1, 1), Outcome = VisitOutcome.Completed }],
    };
}
