using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Validation;

/// <summary>A snapshot built in code with <see langword="null"/> lists: each is taken as empty, as an absent JSON array is.</summary>
public sealed class NullListTests
{
    private static CaseloadSnapshot NullLists() => new()
    {
        AsOf = new DateOnly(2018, 5, 1),
        Teams = null,
        Managers = null!,
        Offenders = null!,
        Visits = null!,
        Briefings = null!,
    };

    [Fact]
    public void Evaluate_NullLists_EvaluatesAnEmptyCaseload()
    {
        var report = new SafeguardingEngine().Evaluate(NullLists());

        report.IsEvaluated.Should().BeTrue();
        report.Findings.Should().BeEmpty();
        report.Summary.Offenders.Should().Be(0);
    }

    [Fact]
    public void Properties_SetToNull_ReadAsEmpty()
    {
        var snapshot = NullLists();

        snapshot.Managers.Should().BeEmpty();
        snapshot.Offenders.Should().BeEmpty();
        snapshot.Visits.Should().BeEmpty();
        snapshot.Briefings.Should().BeEmpty();
        snapshot.Teams.Should().BeNull("a null team list means the snapshot has none, which the contract distinguishes from an empty one");
        SnapshotReadResult.FromCode(snapshot).OffenderRecordCount.Should().Be(0);
    }

    [Fact]
    public void Write_NullLists_WritesEmptyArrays()
    {
        using var stream = new MemoryStream();

        SnapshotJson.Write(NullLists(), stream);

        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Contain("\"offenders\":[]");
    }
}
