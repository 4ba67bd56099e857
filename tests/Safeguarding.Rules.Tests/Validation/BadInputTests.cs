using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Validation;

/// <summary>Contract section 3, for snapshots built in code (the JSON reader's own problems are tested with it).</summary>
public sealed class BadInputTests
{
    private static readonly SafeguardingEngine Engine = new();
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static Offender Offender(string id, string? manager = "OM-1") => new()
    {
        Id = id,
        ManagerId = manager,
        RiskLevel = RiskLevel.Medium,
        RegisteredOn = new DateOnly(2015, 1, 1),
        RiskAssessedOn = new DateOnly(2018, 1, 1),
    };

    private static CaseloadSnapshot Snapshot(Offender[] offenders, Visit[]? visits = null, Manager[]? managers = null, Team[]? teams = null) => new()
    {
        AsOf = AsOf,
        Teams = teams,
        Managers = managers ?? [new Manager { Id = "OM-1" }],
        Offenders = offenders,
        Visits = visits ?? [],
    };

    [Fact]
    public void AnyProblem_StopsTheRunByDefault_AndListsEveryProblem()
    {
        var snapshot = Snapshot(
            [Offender("RSO-1", manager: "OM-404"), Offender("RSO-2") with { VisitIntervalDays = 0, MappaLevel = 4 }],
            [new Visit { OffenderId = "RSO-404", Date = AsOf, Outcome = VisitOutcome.Completed }]);

        var report = Engine.Evaluate(snapshot);

        report.IsEvaluated.Should().BeFalse();
        report.Findings.Should().BeEmpty();
        report.Problems.Select(p => (p.Array, p.Index, p.Id, p.Field)).Should().BeEquivalentTo(new[]
        {
            ((string?)"offenders", (int?)0, (string?)"RSO-1", "managerId"),
            ("offenders", 1, "RSO-2", "mappaLevel"),
            ("offenders", 1, "RSO-2", "visitIntervalDays"),
            ("visits", 0, null, "offenderId"),
        });
    }

    [Fact]
    public void DuplicateIds_RejectEveryRecordSharingThem()
    {
        var snapshot = Snapshot([Offender("RSO-1"), Offender("RSO-2"), Offender("RSO-1")]);

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        report.Problems.Where(p => p.Field == "id").Select(p => p.Index).Should().Equal(0, 2);
        report.Summary.Rejected.Should().Be(2);
        report.Summary.Evaluated.Should().Be(1);
        report.Findings.Where(f => f.Kind == FindingKinds.DataQuality).Select(f => (f.OffenderId, f.Index))
            .Should().Equal(("RSO-1", 0), ("RSO-1", 2));
    }

    [Fact]
    public void OffenderOfARejectedManager_IsRejected_AndItsVisitsAreLeftOutSilently()
    {
        var snapshot = Snapshot(
            [Offender("RSO-1", manager: "OM-2")],
            [new Visit { OffenderId = "RSO-1", Date = AsOf, Outcome = VisitOutcome.Completed }],
            managers: [new Manager { Id = "OM-2", TeamId = "T-404" }],
            teams: [new Team { Id = "T-1" }]);

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        report.Problems.Select(p => (p.Array, p.Field)).Should().Equal(("managers", "teamId"), ("offenders", "managerId"));
        report.Summary.Rejected.Should().Be(1);
        report.Findings.Should().ContainSingle().Which.Kind.Should().Be(FindingKinds.DataQuality);
    }

    [Fact]
    public void TeamsListAbsent_TeamsAreKnownFromTheManagers()
    {
        var snapshot = Snapshot([Offender("RSO-1")], managers: [new Manager { Id = "OM-1", TeamId = "T-FROM-MANAGER" }]);

        var report = Engine.Evaluate(snapshot);

        report.Problems.Should().BeEmpty();
        report.Findings.Should().OnlyContain(f => f.TeamId == "T-FROM-MANAGER");
    }

    [Fact]
    public void EmptyTeamsList_MakesEveryManagersTeamUnknown()
    {
        var snapshot = Snapshot([Offender("RSO-1")], managers: [new Manager { Id = "OM-1", TeamId = "T-1" }], teams: []);

        var report = Engine.Evaluate(snapshot);

        report.Problems.Select(p => (p.Array, p.Id, p.Field)).Should().Equal(("managers", "OM-1", "teamId"), ("offenders", "RSO-1", "managerId"));
    }

    [Fact]
    public void SchemaVersionOtherThanOne_IsADocumentProblem_EvenWithPartialResults()
    {
        var snapshot = new CaseloadSnapshot { SchemaVersion = 2, Offenders = [Offender("RSO-1", manager: null)] };

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true, AsOf = AsOf });

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.Field.Should().Be("schemaVersion");
    }

    [Fact]
    public void PartialResults_AccountForEveryOffender()
    {
        var snapshot = Snapshot(
        [
            Offender("RSO-1"),
            Offender("RSO-2", manager: "OM-404"),
            Offender("") with { },
            Offender("RSO-4") with { RegisteredOn = AsOf.AddDays(1) },
            Offender("RSO-5") with { RiskLevel = (RiskLevel)42 },
        ]);

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        var summary = report.Summary;
        summary.Offenders.Should().Be(5);
        summary.Evaluated.Should().Be(1);
        summary.Rejected.Should().Be(3);
        summary.NotYetRegistered.Should().Be(1);
        (summary.Evaluated + summary.Rejected + summary.NotYetRegistered).Should().Be(summary.Offenders);
        // Contract section 5 order: by offenderId, an absent value first (record 2 has no usable id).
        report.Findings.Where(f => f.Kind == FindingKinds.DataQuality).Select(f => (f.OffenderId, f.Index))
            .Should().Equal((null, 2), ("RSO-2", 1), ("RSO-5", 4));
        report.Findings.Should().NotContain(f => f.Kind == FindingKinds.Unallocated, "a rejected offender is in no count but rejected");
    }

    [Fact]
    public void ProblemMessages_CarryIdentifiersAndFieldNamesOnly()
    {
        var report = Engine.Evaluate(Snapshot([Offender("RSO-1", manager: "OM-404") with { NeighbourhoodId = "" }]));

        report.Problems.Select(p => p.ToString()).Should().Equal(
            "offenders[0] (id RSO-1) managerId: names manager OM-404, which is not a valid manager in the snapshot",
            "offenders[0] (id RSO-1) neighbourhoodId: must be a non-empty string or absent");
    }

    [Fact]
    public void MalformedRecord_StillGetsTheChecksAcrossRecords_SoEveryProblemIsReported()
    {
        var json = """
            {
              "managers": [ { "id": "OM-1", "teamId": 7 } ],
              "offenders": [ { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2018-02-30", "managerId": "OM-404", "mappaLevel": 9 } ],
              "visits": [ { "offenderId": "RSO-404", "date": "2018-13-01", "outcome": "Completed" } ],
              "briefings": [ { "offenderId": "RSO-405", "neighbourhoodId": "", "date": "yesterday" } ]
            }
            """u8;

        var report = Engine.Evaluate(Safeguarding.Rules.Serialization.SnapshotJson.Read(json), new EvaluationOptions { AsOf = AsOf });

        report.Problems.Select(p => (p.Array, p.Index, p.Field)).Should().BeEquivalentTo(new[]
        {
            ((string?)"managers", (int?)0, "teamId"),
            ("offenders", 0, "managerId"),
            ("offenders", 0, "mappaLevel"),
            ("offenders", 0, "registeredOn"),
            ("visits", 0, "date"),
            ("visits", 0, "offenderId"),
            ("briefings", 0, "date"),
            ("briefings", 0, "neighbourhoodId"),
            ("briefings", 0, "offenderId"),
        });
    }

    [Fact]
    public void ManyVisits_CheckedInParallelChunks_ReportEveryProblemInRecordOrder()
    {
        var generated = Safeguarding.Rules.Synthetic.SyntheticCaseload.Generate(20_000, seed: 3);
        generated.Visits.Count.Should().BeGreaterThan(65_536, "enough visits to be checked in parallel chunks");
        var bad = new[] { 5, generated.Visits.Count / 2 - 1, generated.Visits.Count / 2, generated.Visits.Count - 1 };
        var visits = generated.Visits.Select((v, i) => bad.Contains(i) ? v with { OffenderId = "RSO-NOBODY-" + i } : v).ToList();
        var snapshot = new CaseloadSnapshot
        {
            AsOf = generated.AsOf,
            Teams = generated.Teams,
            Managers = generated.Managers,
            Offenders = generated.Offenders,
            Visits = visits,
            Briefings = generated.Briefings,
        };

        var report = Engine.Evaluate(snapshot);

        report.Problems.Select(p => (p.Array, p.Index, p.Field)).Should().Equal(bad.Select(i => ((string?)"visits", (int?)i, "offenderId")));
    }

    [Fact]
    public void RejectedOffender_DataQualityReasonNamesEachFieldAtFaultOnce()
    {
        var json = """
            {
              "managers": [ { "id": "OM-1" } ],
              "offenders": [
                { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2018-02-30", "managerId": "OM-404" },
                { "id": "RSO-1", "riskLevel": "Low", "registeredOn": "2015-01-01", "mappaLevel": 7 },
                { "id": "RSO-3", "riskLevel": "Low", "registeredOn": "2015-01-01", "managerId": "OM-1" }
              ]
            }
            """u8;

        var report = Engine.Evaluate(Safeguarding.Rules.Serialization.SnapshotJson.Read(json), new EvaluationOptions { AsOf = AsOf, AllowPartialResults = true });

        report.Findings.Where(f => f.Kind == FindingKinds.DataQuality).Select(f => (f.Index, f.Reason)).Should().Equal(
            (0, "Offender record 0 (id RSO-1) was rejected and not evaluated; fields at fault: id, managerId, registeredOn."),
            (1, "Offender record 1 (id RSO-1) was rejected and not evaluated; fields at fault: id, mappaLevel."));
        report.Summary.Rejected.Should().Be(2);
        report.Summary.Evaluated.Should().Be(1);
    }
}
