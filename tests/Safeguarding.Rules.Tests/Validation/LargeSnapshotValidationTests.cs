using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Support;

namespace Safeguarding.Rules.Tests.Validation;

/// <summary>
/// Large snapshots are checked in parallel chunks. Defects planted across the whole range (both ends of every chunk
/// included) must be reported exactly as they are for a sequential check, each once, in the same order.
/// </summary>
public sealed class LargeSnapshotValidationTests
{
    private const int Offenders = 3 * Chunks.ParallelThreshold;
    private static readonly EvaluationOptions Partial = new() { AllowPartialResults = true };

    [Fact]
    public void DefectsAcrossEveryChunk_AreReportedOnce_AndTheSameInParallelAsInSequence()
    {
        var (snapshot, planted) = PlantDefects(SyntheticCaseload.Generate(Offenders, seed: 5));

        var sequential = new SafeguardingEngine(new SafeguardingRulesOptions { MaxDegreeOfParallelism = 1 }).Evaluate(snapshot, Partial);
        var parallel = new SafeguardingEngine(new SafeguardingRulesOptions { MaxDegreeOfParallelism = 4 }).Evaluate(snapshot, Partial);

        parallel.Problems.Should().Equal(sequential.Problems);
        parallel.Findings.Should().Equal(sequential.Findings);
        parallel.Summary.Should().BeEquivalentTo(sequential.Summary);

        // Each planted defect, and nothing else, whatever chunk it fell in.
        sequential.Problems.Select(p => (p.Array, p.Index, p.Field)).Should().BeEquivalentTo(planted);
        sequential.Summary.Rejected.Should().Be(planted.Where(p => p.Array == "offenders").Select(p => p.Index).Distinct().Count());
    }

    private static (CaseloadSnapshot Snapshot, List<(string? Array, int? Index, string Field)> Planted) PlantDefects(CaseloadSnapshot snapshot)
    {
        var offenders = snapshot.Offenders.ToList();
        var visits = snapshot.Visits.ToArray();
        var briefings = snapshot.Briefings.ToArray();
        var planted = new List<(string? Array, int? Index, string Field)>();

        // The first and last record, either side of every chunk boundary for 2, 3 and 4 chunks, and some in between.
        var positions = new SortedSet<int> { 0, Offenders - 1, 7_001, 29_999 };
        foreach (var chunks in new[] { 2, 3, 4 })
        {
            for (var c = 1; c < chunks; c++)
            {
                var boundary = (int)((long)Offenders * c / chunks);
                positions.Add(boundary - 1);
                positions.Add(boundary);
            }
        }

        var defect = 0;
        foreach (var i in positions)
        {
            switch (defect++ % 4)
            {
                case 0:
                    offenders[i] = offenders[i] with { ManagerId = "OM-404" };
                    planted.Add(("offenders", i, "managerId"));
                    break;
                case 1:
                    offenders[i] = offenders[i] with { VisitIntervalDays = 0, MappaLevel = 9 };
                    planted.Add(("offenders", i, "visitIntervalDays"));
                    planted.Add(("offenders", i, "mappaLevel"));
                    break;
                case 2:
                    offenders[i] = offenders[i] with { RiskLevel = (RiskLevel)42 };
                    planted.Add(("offenders", i, "riskLevel"));
                    break;
                default:
                    offenders[i] = offenders[i] with { NeighbourhoodId = string.Empty };
                    planted.Add(("offenders", i, "neighbourhoodId"));
                    break;
            }
        }

        // Two records far apart share an id (the second one added last, so that no visit loses its offender): both are rejected.
        offenders.Add(offenders[10] with { });
        planted.Add(("offenders", 10, "id"));
        planted.Add(("offenders", offenders.Count - 1, "id"));

        // Visits and briefings naming nobody, at both ends and in the middle.
        foreach (var v in new[] { 0, visits.Length / 2, visits.Length - 1 })
        {
            visits[v] = visits[v] with { OffenderId = "RSO-NOBODY" };
            planted.Add(("visits", v, "offenderId"));
        }

        foreach (var b in new[] { 0, briefings.Length - 1 })
        {
            briefings[b] = briefings[b] with { OffenderId = "RSO-NOBODY" };
            planted.Add(("briefings", b, "offenderId"));
        }

        return (snapshot.With(offenders, visits, briefings), planted);
    }
}
