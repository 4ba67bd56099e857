using System.Collections;
using System.Globalization;
using System.Reflection;
using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>
/// Contract section 9: each row of a nested file (<c>strategy-actions.csv</c>, <c>interviews.csv</c>) is given to its
/// parent in file order, its problems are its parent's, and a parent rejected for one keeps what was read of its rows.
/// </summary>
public sealed class NestedLinkingTests
{
    private const string Detentions = "id,custodySuiteId,juvenile,authorisedAt";
    private const string Interviews = "detentionId,startedAt,appropriateAdultPresent";

    [Fact]
    public void ReadFolder_RowsOfSeveralParentsInterleaved_EachParentGetsItsOwnRowsInFileOrder()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("strategy-discussions.csv", "id,heldOn", "SD-1,2018-04-20", "SD-2,2018-04-20", "SD-3,2018-04-20")
            .With("strategy-actions.csv", "discussionId,id,owner,dueOn",
                "SD-2,a,Police,2018-04-27", "SD-1,b,Health,2018-04-27", "SD-2,c,Police,2018-04-28", "SD-1,d,Police,2018-04-29", "SD-2,e,Health,2018-04-30")
            .With("detentions.csv", Detentions, "D-1,CS-1,true,2018-04-30T20:00Z", "D-2,CS-1,false,2018-04-30T20:00Z", "D-3,CS-1,true,2018-04-30T20:00Z")
            .With("interviews.csv", Interviews,
                "D-3,2018-04-30T21:00Z,true", "D-1,2018-04-30T22:00Z,true", "D-3,2018-04-30T23:00Z,false", "D-1,2018-04-30T21:30Z,false", "D-3,2018-04-30T20:30Z,true");

        var result = folder.Read();

        result.Problems.Should().BeEmpty();
        result.Snapshot.StrategyDiscussions.Select(static d => (d.Id, string.Join(",", d.Actions.Select(static a => a.Id)))).Should().Equal(
            ("SD-1", "b,d"), ("SD-2", "a,c,e"), ("SD-3", string.Empty));
        result.Snapshot.StrategyDiscussions[1].Actions.Select(static a => a.DueOn.Day).Should().Equal(27, 28, 30);
        result.Snapshot.Detentions.Select(static d => (d.Id, string.Join(",", d.Interviews.Select(static i => i.StartedAt.ToString("HH:mm", CultureInfo.InvariantCulture))))).Should().Equal(
            ("D-1", "22:00,21:30"), ("D-2", string.Empty), ("D-3", "21:00,23:00,20:30"));
        result.Snapshot.Detentions[0].Interviews.Select(static i => i.AppropriateAdultPresent).Should().Equal(true, false);
    }

    [Fact]
    public void ReadFolder_ParentsRejectedForANestedRowOrTheirOwn_KeepWhatWasReadOfTheirRowsWithNullPlaceholders()
    {
        // D-2 is rejected for its interviews: the one with no start keeps nothing (a null placeholder), the one with a bad
        // appropriateAdultPresent keeps its start, the one with the wrong cell count keeps nothing. D-3 is rejected for its
        // own juvenile cell; its partial copy gets its interviews too. D-1 and its rows are kept.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", Detentions, "D-1,CS-1,true,2018-04-30T20:00Z", "D-2,CS-1,true,2018-04-30T20:00Z", "D-3,CS-1,maybe,2018-04-30T20:00Z")
            .With("interviews.csv", Interviews,
                "D-2,2018-04-30T21:00Z,true",
                "D-3,2018-04-30T21:10Z,true",
                "D-2,,true",
                "D-1,2018-04-30T21:20Z,true",
                "D-2,2018-04-30T23:00Z,yes",
                "D-3,,true",
                "D-2,2018-04-30T23:30Z,true,extra");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.File, p.Line, p.Column)).Should().Equal(
            ("detentions", 2, "D-3", "juvenile", "detentions.csv", 4, 3),
            ("detentions", 1, "D-2", "interviews[1].startedAt", "interviews.csv", 4, 2),
            ("detentions", 1, "D-2", "interviews[2].appropriateAdultPresent", "interviews.csv", 6, 3),
            ("detentions", 2, "D-3", "interviews[1].startedAt", "interviews.csv", 7, 2),
            ("detentions", 1, "D-2", "interviews[3]", "interviews.csv", 8, 4));
        result.Snapshot.Detentions.Should().ContainSingle().Which.Interviews.Should().ContainSingle().Which.StartedAt.Minute.Should().Be(20);
        Malformed(result).Select(static m => (m.Array, m.Index, m.Id, Starts(((Detention)m.Partial!).Interviews))).Should().Equal(
            ("detentions", 2, "D-3", "21:10,null"),
            ("detentions", 1, "D-2", "21:00,null,23:00,null"));
    }

    [Fact]
    public void ReadFolder_ActionRowsOfARejectedDiscussion_KeepTheirIdsAndNullForARowWithTheWrongCellCount()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("strategy-discussions.csv", "id,heldOn", "SD-1,2018-04-20", "SD-2,2018-04-20")
            .With("strategy-actions.csv", "discussionId,id,owner,dueOn",
                "SD-2,1,Nobody,2018-04-27", "SD-1,1,Police,2018-04-27", "SD-2,2,Police", "SD-2,3,Police,2018-04-27");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.Line, p.Column)).Should().Equal(
            ("strategyDiscussions", 1, "SD-2", "actions[0].owner", 2, 3),
            ("strategyDiscussions", 1, "SD-2", "actions[1]", 4, 4));
        result.Snapshot.StrategyDiscussions.Should().ContainSingle().Which.Id.Should().Be("SD-1");
        var discussion = (StrategyDiscussion)Malformed(result).Should().ContainSingle().Which.Partial!;
        discussion.Actions.Select(static a => a?.Id).Should().Equal("1", null, "3");
        discussion.Actions[0].Owner.Should().Be((ActionOwner)(-1));
    }

    [Fact]
    public void ReadFolder_ParentIdOnSeveralRows_RowsGoToTheFirstThatWasRead()
    {
        // The first D-1 row has the wrong cell count, so its rows go to the second, which was read; the third has none.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", Detentions, "D-1,CS-1,true", "D-1,CS-2,true,2018-04-30T20:00Z", "D-1,CS-3,true,2018-04-30T20:00Z")
            .With("interviews.csv", Interviews, "D-1,2018-04-30T21:00Z,true", "D-1,2018-04-30T22:00Z,maybe", "D-9,2018-04-30T22:00Z,true");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.File, p.Line, p.Column)).Should().Equal(
            ("detentions", 0, (string?)null, "$", "detentions.csv", 2, 4),
            ("detentions", 1, "D-1", "interviews[1].appropriateAdultPresent", "interviews.csv", 3, 3),
            ("interviews", 2, (string?)null, "detentionId", "interviews.csv", 4, 1));
        result.Snapshot.Detentions.Select(static d => (d.CustodySuiteId, d.Interviews.Count)).Should().Equal(("CS-3", 0));
        Malformed(result).Select(static m => (m.Index, m.Partial is Detention d ? Starts(d.Interviews) : "-")).Should().Equal((0, "-"), (1, "21:00,22:00"));
    }

    [Fact]
    public void Evaluate_ChecksAcrossInterleavedNestedRows_NameTheKthRowOfTheParentInTheNestedFile()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", Detentions + ",releasedAt", "D-1,CS-1,true,2018-04-30T20:00Z,", "D-2,CS-1,true,2018-04-30T20:00Z,2018-04-30T19:00Z")
            .With("interviews.csv", "appropriateAdultPresent,detentionId,startedAt",
                "true,D-2,2018-04-30T21:00Z",
                "true,D-1,2018-04-30T21:00Z",
                "true,D-2,2018-04-30T22:00Z",
                "true,D-1,2018-04-30T19:00Z",
                "true,D-2,2018-04-30T21:00:00.5Z");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (string?, int?, string, string?, int?, int?)[]
        {
            ("detentions", 0, "interviews[1].startedAt", "interviews.csv", 5, 3),
            ("detentions", 1, "releasedAt", "detentions.csv", 3, 5),
            ("detentions", 1, "interviews[2].startedAt", "interviews.csv", 6, 3),
        });
    }

    private static string Starts(IReadOnlyList<Interview> interviews) =>
        string.Join(",", interviews.Select(static i => i is null ? "null" : i.StartedAt.ToString("HH:mm", CultureInfo.InvariantCulture)));

    /// <summary>The read's malformed records (internal to the rules library), in order.</summary>
    private static List<(string Array, int Index, string? Id, object? Partial)> Malformed(SnapshotReadResult read) =>
        [.. ((IEnumerable)typeof(SnapshotReadResult).GetProperty("MalformedRecords", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(read)!)
            .Cast<object>()
            .Select(static m => ((string)Get(m, "Array")!, (int)Get(m, "Index")!, (string?)Get(m, "Id"), Get(m, "Partial")))];

    private static object? Get(object record, string property) => record.GetType().GetProperty(property)!.GetValue(record);
}
