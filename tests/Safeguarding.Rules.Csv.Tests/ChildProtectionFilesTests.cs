using System.Text;
using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>
/// Contract section 9's v1.1 files: strategy discussions and their actions, detentions and their interviews, police
/// protections, overrides and <c>snapshot.csv</c>'s <c>extractedAt</c>, read with the JSON reader's meaning and problems.
/// </summary>
public sealed class ChildProtectionFilesTests
{
    private const string ContractJson = """
        {
          "asOf": "2018-05-01",
          "extractedAt": "2018-05-01T23:10:00+01:00",
          "teams": [ { "id": "T-NORTH" } ],
          "offenders": [ { "id": "RSO-000123", "riskLevel": "High", "registeredOn": "2015-03-02" } ],
          "strategyDiscussions": [ { "id": "SD-0412", "teamId": "T-NORTH", "heldOn": "2018-04-20", "outcomeRecordedOn": "2018-04-23",
              "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27", "completedOn": null } ] } ],
          "detentions": [ { "id": "CUS-00931", "custodySuiteId": "CS-1", "juvenile": true,
              "authorisedAt": "2018-04-30T21:15:00+01:00", "appropriateAdultArrivedAt": "2018-05-01T01:40:00+01:00", "releasedAt": null,
              "interviews": [ { "startedAt": "2018-05-01T09:00:00+01:00", "appropriateAdultPresent": true, "urgentInterviewAuthorised": false } ] } ],
          "policeProtections": [ { "id": "PP-0077", "teamId": "T-NORTH", "startedAt": "2018-04-29T10:00:00+01:00",
              "localAuthorityInformedAt": "2018-04-29T11:30:00+01:00", "endedAt": null } ],
          "overrides": [ { "id": "OV-7", "findingId": "VisitOverdue:RSO-000123", "reasonCode": "IN_HOSPITAL", "authorisedBy": "DS-4411", "from": "2018-04-20", "until": "2018-05-15" } ]
        }
        """;

    [Fact]
    public void ReadFolder_ContractSection6Example_GivesTheJsonSnapshotsRecords()
    {
        using var folder = ContractFolder();

        var fromCsv = folder.Read();
        var fromJson = SnapshotJson.Read(Encoding.UTF8.GetBytes(ContractJson));

        fromJson.Problems.Should().BeEmpty();
        fromCsv.Problems.Should().BeEmpty();
        fromCsv.Snapshot.ExtractedAt.Should().Be(new DateTimeOffset(2018, 5, 1, 22, 10, 0, TimeSpan.Zero));
        fromCsv.Snapshot.StrategyDiscussions.Should().BeEquivalentTo(fromJson.Snapshot.StrategyDiscussions);
        fromCsv.Snapshot.StrategyDiscussions.Single().Actions.Should().ContainSingle().Which.Owner.Should().Be(ActionOwner.Police);
        fromCsv.Snapshot.Detentions.Should().BeEquivalentTo(fromJson.Snapshot.Detentions);
        fromCsv.Snapshot.Detentions.Single().Interviews.Should().ContainSingle().Which.AppropriateAdultPresent.Should().BeTrue();
        fromCsv.Snapshot.PoliceProtections.Should().BeEquivalentTo(fromJson.Snapshot.PoliceProtections);
        fromCsv.Snapshot.Overrides.Should().Equal(fromJson.Snapshot.Overrides);
    }

    [Fact]
    public void Evaluate_ContractSection6Example_GivesTheJsonFindingsSuppressedAndSummary()
    {
        using var folder = ContractFolder();

        var fromCsv = Engine.Instance.Evaluate(folder.Read());
        var fromJson = Engine.Instance.Evaluate(SnapshotJson.Read(Encoding.UTF8.GetBytes(ContractJson)));

        fromCsv.IsEvaluated.Should().BeTrue();
        fromCsv.Findings.Should().Contain(static f => f.Kind == FindingKinds.InterviewWithoutAppropriateAdult || f.Kind == FindingKinds.AppropriateAdultDelayed);
        Document(fromCsv).Should().Be(Document(fromJson));
        fromCsv.AsOfInstant.Should().Be(fromJson.AsOfInstant);
    }

    [Fact]
    public void ReadFolder_ProblemInANestedRow_IsItsParentsWithThePathAndTheRowsFileLineAndColumn()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,true,2018-04-30T20:00Z", "D-2,CS-1,true,2018-04-30T20:00Z")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent",
                "D-2,2018-04-30T21:00Z,true",
                "D-1,2018-04-30T21:00Z,true",
                "D-2,2018-04-30T22:00,true",
                "D-2,2018-04-30T23:00Z,yes");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.File, p.Line, p.Column)).Should().Equal(
            ("detentions", 1, "D-2", "interviews[1].startedAt", "interviews.csv", 4, 2),
            ("detentions", 1, "D-2", "interviews[2].appropriateAdultPresent", "interviews.csv", 5, 3));
        result.Problems[0].Problem.Should().StartWith("must be a date-time with an offset");
        result.Snapshot.Detentions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "D-1", Interviews = new[] { new { AppropriateAdultPresent = true } } });
    }

    [Fact]
    public void Evaluate_AnInterviewRowReadOnlyInPart_ItsStartIsStillCheckedAsInJson()
    {
        // Sections 3 and 9: every problem at once, with the JSON meaning. A row with a bad appropriateAdultPresent still
        // has a start that was read: in the same second as another interview, or before authorisedAt, it is a problem too.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,true,2018-04-30T20:00Z")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent",
                "D-1,2018-04-30T21:00Z,",
                "D-1,2018-04-30T21:00:00.4Z,true",
                "D-1,2018-04-30T19:00Z,yes",
                "D-1,,true");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (int?, string, string?, int?, int?)[]
        {
            (0, "interviews[0].appropriateAdultPresent", "interviews.csv", 2, 3),
            (0, "interviews[1].startedAt", "interviews.csv", 3, 2),
            (0, "interviews[2].appropriateAdultPresent", "interviews.csv", 4, 3),
            (0, "interviews[2].startedAt", "interviews.csv", 4, 2),
            (0, "interviews[3].startedAt", "interviews.csv", 5, 2),
        });
        problems.Single(static p => p.Field == "interviews[1].startedAt").Problem.Should().Be("starts in the same second as interviews[0] of this detention");
    }

    [Fact]
    public void Evaluate_ANestedRowWithTheWrongCellCount_IsOneProblemOfItsParentAndItsCellsAreNotRead()
    {
        // Section 9: "A row with more or fewer cells than the header is a problem", reported against its parent, which it
        // rejects (a DataQuality finding: nothing is dropped silently). Which cell is which column cannot be known, so
        // none of its cells is read: the start in it is not compared with the other interviews.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,true,2018-04-30T20:00Z")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent",
                "D-1,2018-04-30T21:00Z,true,extra",
                "D-1,2018-04-30T21:00Z,true");

        var report = Engine.Partial(folder.Read());

        report.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = "detentions", Index = (int?)0, Id = "D-1", Field = "interviews[0]", File = "interviews.csv", Line = (int?)2, Column = (int?)4,
            Problem = "has 4 cells; the header has 3",
        });
        report.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => f.Id).Should().Equal("DataQuality:detentions:#0");
    }

    [Fact]
    public void ReadFolder_NestedRowNamingAnUnknownParent_IsAProblemOfItsFilesArray()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("strategy-discussions.csv", "id,heldOn", "SD-1,2018-04-20")
            .With("strategy-actions.csv", "id,owner,dueOn,discussionId", "1,Police,2018-04-27,SD-1", "1,Police,2018-04-27,SD-9", "2,Health,2018-04-27,");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.File, p.Line, p.Column)).Should().Equal(
            ("strategy-actions", 1, (string?)null, "discussionId", "strategy-actions.csv", 3, 4),
            ("strategy-actions", 2, (string?)null, "discussionId", "strategy-actions.csv", 4, 4));
        result.Problems[0].Problem.Should().Be("names SD-9, which is not the id of any row of strategy-discussions.csv");
        result.Problems[1].Problem.Should().Be("is required");
        result.Snapshot.StrategyDiscussions.Should().ContainSingle().Which.Actions.Should().ContainSingle();
    }

    [Fact]
    public void ReadFolder_InterviewNamingADetentionWhoseRowHasTheWrongCellCount_SaysThatRowCouldNotBeRead()
    {
        // Section 3: every problem stated truly. D-7's row is in detentions.csv (line 3); it is its own problem (its cell
        // count), and the interview naming it says that row could not be read, not that no row has that id. Its cells are
        // not read, so the interview is given to no detention.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,true,2018-04-30T20:00Z", "D-7,CS-1,true")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent", "D-1,2018-04-30T21:00Z,true", "D-7,2018-04-30T22:00Z,true");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.File, p.Line, p.Column, p.Problem)).Should().Equal(
            ("detentions", 1, (string?)null, "$", "detentions.csv", 3, 4, "has 3 cells; the header has 4"),
            ("interviews", 1, (string?)null, "detentionId", "interviews.csv", 3, 1, "names D-7, whose row of detentions.csv (line 3) could not be read"));
        result.Snapshot.Detentions.Should().ContainSingle().Which.Interviews.Should().ContainSingle();
    }

    [Fact]
    public void ReadFolder_StrategyActionNamingADiscussionWhoseRowHasTheWrongCellCount_SaysThatRowCouldNotBeRead()
    {
        // The same for the other nested pair: SD-2's row (line 4, too many cells) is there but could not be read.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("strategy-discussions.csv", "id,heldOn", "SD-1,2018-04-20", "SD-3,2018-04-21", "SD-2,2018-04-21,extra")
            .With("strategy-actions.csv", "id,owner,dueOn,discussionId", "1,Police,2018-04-27,SD-2", "1,Police,2018-04-27,SD-1");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Id, p.Field, p.File, p.Line, p.Column, p.Problem)).Should().Equal(
            ("strategyDiscussions", 2, (string?)null, "$", "strategy-discussions.csv", 4, 3, "has 3 cells; the header has 2"),
            ("strategy-actions", 0, (string?)null, "discussionId", "strategy-actions.csv", 2, 4, "names SD-2, whose row of strategy-discussions.csv (line 4) could not be read"));
        result.Snapshot.StrategyDiscussions.Select(static d => (d.Id, d.Actions.Count)).Should().Equal(("SD-1", 1), ("SD-3", 0));
    }

    [Fact]
    public void ReadFolder_InterviewNamingAnIdInNoRow_StillSaysNoRowHasIt_WhenAnotherRowCouldNotBeRead()
    {
        // D-7's row could not be read but its id is known; D-9 is in no row at all, so the plain message is true.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-7,CS-1,true")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent", "D-9,2018-04-30T21:00Z,true");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column, p.Problem)).Should().Equal(
            ("detentions", 0, "$", "detentions.csv", 2, 4, "has 3 cells; the header has 4"),
            ("interviews", 0, "detentionId", "interviews.csv", 2, 1, "names D-9, which is not the id of any row of detentions.csv"));
    }

    [Fact]
    public void ReadFolder_InterviewNamingAnIdInNoRowThatCouldBeRead_SaysHowManyRowsIdsCouldNotBeRead()
    {
        // The row on line 2 has too few cells to reach the id column, so its id cannot be known: "not the id of any row"
        // might be false. The message says only what is known, and how many rows' ids could not be read.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "custodySuiteId,juvenile,authorisedAt,id", "CS-1,true", "CS-1,true,2018-04-30T20:00Z,D-1")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent", "D-9,2018-04-30T21:00Z,true");

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column, p.Problem)).Should().Equal(
            ("detentions", 0, "$", "detentions.csv", 2, 3, "has 2 cells; the header has 4"),
            ("interviews", 0, "detentionId", "interviews.csv", 2, 1, "names D-9, which is not the id of any row of detentions.csv whose id could be read; the id of 1 row could not be read"));
    }

    [Fact]
    public void Evaluate_ChecksAcrossNestedRecords_NameTheNestedRowsFileLineAndColumn()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("strategy-discussions.csv", "id,heldOn,outcomeRecordedOn", "SD-1,2018-04-20,2018-04-19")
            .With("strategy-actions.csv", "discussionId,id,owner,dueOn", "SD-1,1,Police,2018-04-27", "SD-1,1,Health,2018-04-27")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,true,2018-04-30T20:00Z")
            .With("interviews.csv", "detentionId,appropriateAdultPresent,startedAt", "D-1,true,2018-04-30T19:00Z");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (string?, int?, string, string?, int?, int?)[]
        {
            ("strategyDiscussions", 0, "actions[1].id", "strategy-actions.csv", 3, 2),
            ("strategyDiscussions", 0, "outcomeRecordedOn", "strategy-discussions.csv", 2, 3),
            ("detentions", 0, "interviews[0].startedAt", "interviews.csv", 2, 3),
        });
    }

    [Fact]
    public void Evaluate_RequiredColumnMissingFromAChildProtectionFile_RejectsEveryRowAsDataQuality()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("police-protections.csv", "id,teamId", "PP-1,", "PP-2,");

        var report = Engine.Partial(folder.Read());

        report.IsEvaluated.Should().BeTrue();
        report.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = "policeProtections", Index = (int?)null, Field = "startedAt", File = "police-protections.csv", Line = 1, Column = 3,
        });
        report.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => (f.Array, f.Index, f.RecordId)).Should().Equal(
            ("policeProtections", 0, "PP-1"), ("policeProtections", 1, "PP-2"));
    }

    [Fact]
    public void Evaluate_RequiredColumnMissingFromANestedFile_RejectsEveryParentWithRows()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,true,2018-04-30T20:00Z", "D-2,CS-1,true,2018-04-30T20:00Z")
            .With("interviews.csv", "detentionId,startedAt", "D-2,2018-04-30T21:00Z");

        var report = Engine.Partial(folder.Read());

        report.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = "interviews", Index = (int?)null, Field = "appropriateAdultPresent", File = "interviews.csv", Line = 1, Column = 3,
        });
        report.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => (f.Array, f.Index, f.RecordId)).Should().Equal(("detentions", 1, "D-2"));
    }

    [Theory]
    [InlineData("2018-05-01T09:00Z")]
    [InlineData("2018-05-01T09:00:30.1234567-05:30")]
    [InlineData("2018-05-01T09:00.5-05:30")]
    [InlineData("2018-05-01T09:00.Z")]
    [InlineData("2018-05-01T09:00")]
    [InlineData("2018-05-01 09:00Z")]
    [InlineData("2018-05-01t09:00z")]
    [InlineData("2018-02-30T09:00Z")]
    [InlineData("2018-05-01T24:00Z")]
    [InlineData("2018-05-01T09:00:00.12345678Z")]
    [InlineData("0001-01-01T00:00+01:00")]
    [InlineData("2018-05-01T09:00+1:00")]
    [InlineData("2018-05-01T09:00Z ")]
    [InlineData("２018-05-01T09:00Z")]
    public void ReadFolder_InstantCell_IsAcceptedExactlyAsTheJsonReaderAcceptsIt(string instant)
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("police-protections.csv", "id,startedAt", "PP-1," + instant);
        var json = SnapshotJson.Read(Encoding.UTF8.GetBytes("""{ "offenders": [], "policeProtections": [ { "id": "PP-1", "startedAt": """ + "\"" + instant + "\" } ] }"));

        var csv = folder.Read();

        csv.Problems.Select(static p => p with { File = null, Line = null, Column = null }).Should().Equal(json.Problems);
        csv.Snapshot.PoliceProtections.Should().BeEquivalentTo(json.Snapshot.PoliceProtections);
    }

    [Fact]
    public void ReadFolder_SnapshotCsvExtractedAtNotAnInstant_IsADocumentProblemWithItsPlace()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("snapshot.csv", "asOf,extractedAt", "2018-05-01,2018-05-01T23:10:00");

        var problem = folder.Read().Problems.Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { Array = (string?)null, Field = "extractedAt", File = "snapshot.csv", Line = 2, Column = 2, Problem = "must be a date-time with an offset, e.g. 2018-05-01T09:00:00+01:00 or 2018-05-01T08:00Z" });
    }

    [Fact]
    public void Evaluate_ExtractedAtOnAnotherUkDateThanAsOf_NamesSnapshotCsv()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn")
            .With("snapshot.csv", "extractedAt,asOf", "2018-05-01T23:10:00Z,2018-05-01");

        var report = Engine.Partial(folder.Read());

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Field = "extractedAt", File = "snapshot.csv", Line = 2, Column = 1 });
    }

    [Fact]
    public void Evaluate_SameBadChildProtectionRecordsAndOverridesAsCsvAndJson_GiveTheSameProblemsAndFindings()
    {
        const string Json = """
            {
              "asOf": "2018-05-01",
              "teams": [ { "id": "T-1" } ],
              "offenders": [ { "id": "A", "riskLevel": "High", "registeredOn": "2015-03-02" } ],
              "visits": [ { "offenderId": "A", "date": "2017-12-01", "outcome": "Completed" } ],
              "strategyDiscussions": [
                { "id": "SD-1", "teamId": "T-1", "heldOn": "2018-04-20", "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27" } ] },
                { "id": "SD-2", "teamId": "T-9", "heldOn": "2018-04-20" },
                { "id": "SD-3", "heldOn": "2018-04-20", "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27" }, { "id": "2", "owner": "Nobody", "dueOn": "2018-04-27" } ] },
                { "id": "SD-1", "heldOn": "2018-04-21" }
              ],
              "detentions": [
                { "id": "D-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-04-30T20:00:00+01:00",
                  "interviews": [ { "startedAt": "2018-04-30T21:00:00Z", "appropriateAdultPresent": false } ] },
                { "id": "D-2", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-04-30T20:00:00Z",
                  "interviews": [ { "startedAt": "2018-04-30T21:00:00Z", "appropriateAdultPresent": true }, { "startedAt": "2018-04-30T21:00:00Z", "appropriateAdultPresent": "no" } ] },
                { "id": "D-3", "custodySuiteId": "CS-2", "juvenile": false, "authorisedAt": "2018-04-30T20:00:00Z", "releasedAt": "2018-04-30T19:00:00Z" }
              ],
              "policeProtections": [
                { "id": "PP-1", "teamId": "T-1", "startedAt": "2018-04-27T10:00:00Z" },
                { "id": "PP-2", "startedAt": "2018-04-27T10:00:00Z", "endedAt": "2018-04-27T09:00:00Z" }
              ],
              "overrides": [
                { "id": "OV-1", "findingId": "VisitOverdue:A", "reasonCode": "IN_HOSPITAL", "authorisedBy": "DS-1", "from": "2018-04-20", "until": "2018-05-15" },
                { "id": "OV-2", "findingId": "VisitOverdue:B", "reasonCode": "in hospital", "authorisedBy": "DS-1", "from": "2018-04-20", "until": "2018-04-19" },
                { "id": "OV-3", "findingId": "UnitBacklog:T-1", "reasonCode": "X", "authorisedBy": "DS-1", "from": "2018-04-20", "until": "2018-05-15" }
              ]
            }
            """;
        using var folder = new CsvFolder()
            .With("snapshot.csv", "asOf", "2018-05-01")
            .With("teams.csv", "id", "T-1")
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,High,2015-03-02")
            .With("visits.csv", "offenderId,date,outcome", "A,2017-12-01,Completed")
            .With("strategy-discussions.csv", "id,teamId,heldOn", "SD-1,T-1,2018-04-20", "SD-2,T-9,2018-04-20", "SD-3,,2018-04-20", "SD-1,,2018-04-21")
            .With("strategy-actions.csv", "discussionId,id,owner,dueOn", "SD-1,1,Police,2018-04-27", "SD-3,1,Police,2018-04-27", "SD-3,2,Nobody,2018-04-27")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt,releasedAt",
                "D-1,CS-1,true,2018-04-30T20:00:00+01:00,", "D-2,CS-1,true,2018-04-30T20:00:00Z,", "D-3,CS-2,false,2018-04-30T20:00:00Z,2018-04-30T19:00:00Z")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent", "D-1,2018-04-30T21:00:00Z,false", "D-2,2018-04-30T21:00:00Z,true", "D-2,2018-04-30T21:00:00Z,no")
            .With("police-protections.csv", "id,teamId,startedAt,endedAt", "PP-1,T-1,2018-04-27T10:00:00Z,", "PP-2,,2018-04-27T10:00:00Z,2018-04-27T09:00:00Z")
            .With("overrides.csv", "id,findingId,reasonCode,authorisedBy,from,until",
                "OV-1,VisitOverdue:A,IN_HOSPITAL,DS-1,2018-04-20,2018-05-15",
                "OV-2,VisitOverdue:B,in hospital,DS-1,2018-04-20,2018-04-19",
                "OV-3,UnitBacklog:T-1,X,DS-1,2018-04-20,2018-05-15");

        var fromJson = Engine.Partial(SnapshotJson.Read(Encoding.UTF8.GetBytes(Json)));
        var fromCsv = Engine.Partial(folder.Read());

        fromJson.Problems.Select(static p => p.Array).Distinct().Should().BeEquivalentTo("strategyDiscussions", "detentions", "policeProtections", "overrides");
        fromCsv.Problems.Select(static p => p with { File = null, Line = null, Column = null, Problem = Words(p.Problem) })
            .Should().Equal(fromJson.Problems.Select(static p => p with { Problem = Words(p.Problem) }));
        fromCsv.Problems.Should().AllSatisfy(static p => (p.File, p.Line, p.Column).Should().NotBe((null, null, null)));
        fromJson.Suppressed.Should().ContainSingle();
        var csvDocument = Document(fromCsv);
        csvDocument[..csvDocument.IndexOf("\"rejected\"", StringComparison.Ordinal)]
            .Should().Be(Document(fromJson)[..Document(fromJson).IndexOf("\"rejected\"", StringComparison.Ordinal)]);
        csvDocument.Should().Contain("\"field\":\"interviews[1].appropriateAdultPresent\",\"problem\":\"must be true or false\",\"file\":\"interviews.csv\",\"line\":4,\"column\":3}");
    }

    /// <summary>
    /// A JSON value of the wrong type is told what type it must be; a CSV cell has no JSON type, so it is told the value it
    /// must hold. Only this one wording differs, for a boolean.
    /// </summary>
    private static string Words(string problem) => problem.StartsWith("must be true or false", StringComparison.Ordinal) || problem.StartsWith("must be a boolean", StringComparison.Ordinal)
        ? "must be a boolean" : problem;

    private static CsvFolder ContractFolder() => new CsvFolder()
        .With("snapshot.csv", "asOf,extractedAt", "2018-05-01,2018-05-01T23:10:00+01:00")
        .With("teams.csv", "id", "T-NORTH")
        .With("offenders.csv", "id,riskLevel,registeredOn", "RSO-000123,High,2015-03-02")
        .With("strategy-discussions.csv", "id,teamId,heldOn,outcomeRecordedOn", "SD-0412,T-NORTH,2018-04-20,2018-04-23")
        .With("strategy-actions.csv", "discussionId,id,owner,dueOn,completedOn", "SD-0412,1,Police,2018-04-27,")
        .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt,appropriateAdultArrivedAt,releasedAt",
            "CUS-00931,CS-1,true,2018-04-30T21:15:00+01:00,2018-05-01T01:40:00+01:00,")
        .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent,urgentInterviewAuthorised", "CUS-00931,2018-05-01T09:00:00+01:00,true,false")
        .With("police-protections.csv", "id,teamId,startedAt,localAuthorityInformedAt,endedAt", "PP-0077,T-NORTH,2018-04-29T10:00:00+01:00,2018-04-29T11:30:00+01:00,")
        .With("overrides.csv", "id,findingId,reasonCode,authorisedBy,from,until", "OV-7,VisitOverdue:RSO-000123,IN_HOSPITAL,DS-4411,2018-04-20,2018-05-15");

    private static string Document(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        FindingsJson.Write(report, stream, indented: false);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        return report.Record is { } record ? text.Replace(record.SnapshotSha256, "SNAPSHOT", StringComparison.Ordinal) : text;
    }
}
