using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Tests.Serialization;

namespace Safeguarding.Rules.Tests.Validation;

/// <summary>Contract sections 3 and 6: reading and checking the child-protection arrays and the as-of instant.</summary>
public sealed class ChildProtectionInputTests
{
    private static readonly SafeguardingEngine Engine = new();

    private const string Example = """
        {
          "asOf": "2018-05-01",
          "extractedAt": "2018-05-01T23:10:00+01:00",
          "teams": [ { "id": "T-NORTH" } ],
          "strategyDiscussions": [ { "id": "SD-0412", "teamId": "T-NORTH", "heldOn": "2018-04-20",
              "outcomeRecordedOn": "2018-04-23",
              "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27", "completedOn": null } ] } ],
          "detentions": [ { "id": "CUS-00931", "custodySuiteId": "CS-1", "juvenile": true,
              "authorisedAt": "2018-04-30T21:15:00+01:00", "appropriateAdultArrivedAt": "2018-05-01T01:40:00+01:00",
              "releasedAt": null,
              "interviews": [ { "startedAt": "2018-05-01T09:00:00+01:00", "appropriateAdultPresent": true,
                                "urgentInterviewAuthorised": false } ] } ],
          "policeProtections": [ { "id": "PP-0077", "teamId": "T-NORTH", "startedAt": "2018-04-29T10:00:00+01:00",
              "localAuthorityInformedAt": "2018-04-29T11:30:00+01:00", "endedAt": null } ]
        }
        """;

    [Fact]
    public void Read_ContractExample_GivesTheRecordsWithInstantsInUtc()
    {
        var snapshot = JsonText.Read(Example);

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.ExtractedAt.Should().Be(new DateTimeOffset(2018, 5, 1, 22, 10, 0, TimeSpan.Zero));
        var discussion = snapshot.Snapshot.StrategyDiscussions.Should().ContainSingle().Subject;
        discussion.Actions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "1", Owner = ActionOwner.Police, DueOn = new DateOnly(2018, 4, 27), CompletedOn = (DateOnly?)null });
        var detention = snapshot.Snapshot.Detentions.Should().ContainSingle().Subject;
        detention.AuthorisedAt.Should().Be(new DateTimeOffset(2018, 4, 30, 20, 15, 0, TimeSpan.Zero));
        detention.Interviews.Should().ContainSingle().Which.AppropriateAdultPresent.Should().BeTrue();
        snapshot.Snapshot.PoliceProtections.Should().ContainSingle().Which.EndedAt.Should().BeNull();
    }

    [Fact]
    public void Validate_MalformedDiscussionOrProtection_ItsOrderingsAreCheckedToo()
    {
        // Contract section 3: every problem is reported, not just the first; section 6: an outcome before heldOn, and a
        // notification or end before startedAt, are problems. Each record here also has a teamId of the wrong type.
        var input = JsonText.Read("""
            { "asOf": "2018-05-01",
              "strategyDiscussions": [ { "id": "SD-1", "teamId": 5, "heldOn": "2018-04-20", "outcomeRecordedOn": "2018-04-01" } ],
              "policeProtections": [ { "id": "PP-1", "teamId": 5, "startedAt": "2018-04-30T21:15Z",
                  "localAuthorityInformedAt": "2018-04-30T20:00Z", "endedAt": "2018-04-30T20:15Z" } ] }
            """);

        var problems = Engine.Evaluate(input, new EvaluationOptions { AllowPartialResults = true }).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field)).Should().BeEquivalentTo(new (string?, int?, string)[]
        {
            ("strategyDiscussions", 0, "teamId"),
            ("strategyDiscussions", 0, "outcomeRecordedOn"),
            ("policeProtections", 0, "teamId"),
            ("policeProtections", 0, "localAuthorityInformedAt"),
            ("policeProtections", 0, "endedAt"),
        });
    }

    [Fact]
    public void Validate_MalformedDetention_ItsOrderingsAreCheckedToo_WithoutReportingAFieldTwice()
    {
        // Contract section 3: every problem is reported, not just the first; section 6: an arrival, release or interview
        // start before authorisedAt, and two interviews starting in the same second, are problems. CUS-1 has a
        // custodySuiteId of the wrong type and a malformed interviews[1] (whose start, read, is still compared with the
        // others: interviews[2] and [3] start in its second);
        // CUS-2 has no custodySuiteId and an authorisedAt that is no instant (so nothing is ordered against it).
        var input = JsonText.Read("""
            { "asOf": "2018-05-01",
              "detentions": [
                { "id": "CUS-1", "custodySuiteId": 7, "juvenile": true, "authorisedAt": "2018-04-30T21:15Z",
                  "appropriateAdultArrivedAt": "2018-04-30T20:00Z", "releasedAt": "2018-04-30T20:30Z",
                  "interviews": [ { "startedAt": "2018-04-30T20:45Z", "appropriateAdultPresent": true },
                                  { "startedAt": "2018-04-30T22:00Z", "appropriateAdultPresent": "yes" },
                                  { "startedAt": "2018-04-30T22:00:00.5Z", "appropriateAdultPresent": false },
                                  { "startedAt": "2018-04-30T22:00:00.9Z", "appropriateAdultPresent": true } ] },
                { "id": "CUS-2", "juvenile": false, "authorisedAt": "yesterday", "appropriateAdultArrivedAt": "2018-04-30T20:00Z",
                  "interviews": [ { "startedAt": "2018-04-30T20:45Z", "appropriateAdultPresent": true },
                                  { "startedAt": "2018-04-30T20:45Z", "appropriateAdultPresent": true } ] } ] }
            """);

        var problems = Engine.Evaluate(input, new EvaluationOptions { AllowPartialResults = true }).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field)).Should().BeEquivalentTo(new (string?, int?, string)[]
        {
            ("detentions", 0, "custodySuiteId"),
            ("detentions", 0, "appropriateAdultArrivedAt"),
            ("detentions", 0, "releasedAt"),
            ("detentions", 0, "interviews[0].startedAt"),
            ("detentions", 0, "interviews[1].appropriateAdultPresent"),
            ("detentions", 0, "interviews[2].startedAt"),
            ("detentions", 0, "interviews[3].startedAt"),
            ("detentions", 1, "custodySuiteId"),
            ("detentions", 1, "authorisedAt"),
            ("detentions", 1, "interviews[1].startedAt"),
        });
    }

    [Fact]
    public void Validate_MalformedDiscussion_DuplicateActionIdsAreReportedToo()
    {
        // Contract section 6: action ids are unique within their discussion. SD-1 is rejected by its actions' own problems
        // (an unknown owner, an id that is a number, a dueOn that is no date), SD-2 by its heldOn; each also repeats action
        // ids, which are reported once each, on the later action, and no field the reader reported is reported again.
        var input = JsonText.Read("""
            { "asOf": "2018-05-01",
              "strategyDiscussions": [
                { "id": "SD-1", "heldOn": "2018-04-20", "actions": [
                    { "id": "1", "owner": "Nobody", "dueOn": "2018-04-27" },
                    { "id": "1", "owner": "Police", "dueOn": "2018-04-27" },
                    { "id": 2, "owner": "Police", "dueOn": "2018-04-27" },
                    { "id": "3", "owner": "Police", "dueOn": "2018-04-27" },
                    { "id": "3", "owner": "Health", "dueOn": "soon" } ] },
                { "id": "SD-2", "heldOn": "someday", "actions": [
                    { "id": "1", "owner": "Police", "dueOn": "2018-04-27" },
                    { "id": "1", "owner": "Police", "dueOn": "2018-04-27" } ] } ] }
            """);

        var problems = Engine.Evaluate(input, new EvaluationOptions { AllowPartialResults = true }).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field)).Should().BeEquivalentTo(new (string?, int?, string)[]
        {
            ("strategyDiscussions", 0, "actions[0].owner"),
            ("strategyDiscussions", 0, "actions[1].id"),
            ("strategyDiscussions", 0, "actions[2].id"),
            ("strategyDiscussions", 0, "actions[4].dueOn"),
            ("strategyDiscussions", 0, "actions[4].id"),
            ("strategyDiscussions", 1, "heldOn"),
            ("strategyDiscussions", 1, "actions[1].id"),
        });
        problems.Where(static p => p.Field == "actions[1].id").Should().AllSatisfy(static p => p.Problem.Should().Contain("actions[0]"));
        problems.Single(static p => p.Field == "actions[4].id").Problem.Should().Contain("actions[3]");
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameRecords()
    {
        var snapshot = JsonText.Read(Example);
        using var stream = new MemoryStream();
        SnapshotJson.Write(snapshot.Snapshot, stream);

        var again = SnapshotJson.Read(stream.ToArray());

        again.Problems.Should().BeEmpty();
        again.Snapshot.ExtractedAt.Should().Be(snapshot.Snapshot.ExtractedAt);
        again.Snapshot.StrategyDiscussions.Should().BeEquivalentTo(snapshot.Snapshot.StrategyDiscussions);
        again.Snapshot.Detentions.Should().BeEquivalentTo(snapshot.Snapshot.Detentions);
        again.Snapshot.PoliceProtections.Should().BeEquivalentTo(snapshot.Snapshot.PoliceProtections);
    }

    [Theory]
    [InlineData("2018-05-01T09:00+01:00")]
    [InlineData("2018-05-01T09:00:30Z")]
    [InlineData("2018-05-01T09:00:30.1234567-05:30")]
    public void Read_InstantForms_AreAccepted(string instant)
    {
        var snapshot = JsonText.Read("""{ "policeProtections": [ { "id": "P", "startedAt": "X" } ] }""".Replace("X", instant, StringComparison.Ordinal));

        snapshot.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2018-05-01T09:00.5+01:00", 0, 30, 0L)]
    [InlineData("2018-05-01T08:00.25Z", 0, 15, 0L)]
    [InlineData("2018-05-01T08:59.9999999Z", 59, 59, 9_999_940L)]
    [InlineData("2018-05-01T08:00.1234567Z", 0, 7, 4_074_020L)]
    public void Read_FractionAfterTheMinutes_IsAFractionOfTheMinute(string instant, int minute, int second, long ticks)
    {
        // Contract section 6: "yyyy-MM-ddTHH:mm, optionally :ss and optionally a . with 1-7 fraction digits": the two are
        // optional each, so HH:mm.f is an instant; in ISO 8601's extended form a fraction belongs to the lowest-order
        // component written, here the minute (09:00.5 is 09:00:30).
        var snapshot = JsonText.Read("""{ "policeProtections": [ { "id": "P", "startedAt": "X" } ] }""".Replace("X", instant, StringComparison.Ordinal));

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.PoliceProtections.Should().ContainSingle().Which.StartedAt.Should().Be(
            new DateTimeOffset(2018, 5, 1, 8, minute, second, TimeSpan.Zero).AddTicks(ticks));
    }

    [Theory]
    [InlineData("2018-05-01T09:00.Z")]
    [InlineData("2018-05-01T09:00.12345678Z")]
    [InlineData("2018-05-01T09:00,5Z")]
    [InlineData("2018-05-01T09:00.5:30Z")]
    [InlineData("2018-05-01T09:00:00")]
    [InlineData("2018-05-01 09:00:00Z")]
    [InlineData("2018-05-01T09:00:00z")]
    [InlineData("2018-05-01T24:00:00Z")]
    [InlineData("2018-05-01T09:00:00.12345678Z")]
    [InlineData("2018-05-01T09:00:00.Z")]
    [InlineData("2018-02-30T09:00:00Z")]
    [InlineData("2018-05-01T09:00:00+0100")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void Read_MalformedInstant_IsAProblemOfItsField(string instant)
    {
        var snapshot = JsonText.Read("""{ "policeProtections": [ { "id": "P", "startedAt": "X" } ] }""".Replace("X", instant, StringComparison.Ordinal));

        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Array = "policeProtections", Index = (int?)0, Id = "P", Field = "startedAt" });
        snapshot.Snapshot.PoliceProtections.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_ProblemsInNestedRecords_NameTheirPathAndRejectTheWholeRecord()
    {
        const string Text = """
            {
              "asOf": "2018-05-01",
              "strategyDiscussions": [
                { "id": "SD-1", "heldOn": "2018-04-20", "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27" }, { "id": "2", "owner": "Army", "dueOn": "2018-04-27" } ] },
                { "id": "SD-2", "heldOn": "2018-04-20", "outcomeRecordedOn": "2018-04-19", "actions": [ { "id": "1", "owner": "Police", "dueOn": "2018-04-27" }, { "id": "1", "owner": "Health", "dueOn": "2018-04-27" } ] }
              ],
              "detentions": [
                { "id": "D-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-04-30T21:15:00+01:00",
                  "interviews": [ { "startedAt": "2018-04-30T21:00:00+01:00", "appropriateAdultPresent": true }, { "startedAt": "2018-04-30T20:00:00.5Z" }, { "startedAt": "2018-04-30T20:00:00Z", "appropriateAdultPresent": false } ] },
                { "id": "D-1", "custodySuiteId": "CS-1", "juvenile": false, "authorisedAt": "2018-04-30T21:15:00+01:00" }
              ],
              "policeProtections": [ { "id": "PP-1", "teamId": "T-X", "startedAt": "2018-04-29T10:00:00Z", "endedAt": "2018-04-29T09:00:00Z" } ],
              "teams": []
            }
            """;

        var report = Engine.Evaluate(JsonText.Read(Text), new EvaluationOptions { AllowPartialResults = true });

        report.IsEvaluated.Should().BeTrue();
        report.Problems.Select(static p => p.ToString()).Should().Equal(
            "strategyDiscussions[0] (id SD-1) actions[1].owner: unknown value; expected Police, SocialCare, Health, Education or Other",
            "strategyDiscussions[1] (id SD-2) actions[1].id: duplicate action id, also used by actions[0] of this discussion",
            "strategyDiscussions[1] (id SD-2) outcomeRecordedOn: is before heldOn (2018-04-20)",
            "detentions[0] (id D-1) id: duplicate id, also used by detentions[1]; every record with it is rejected",
            "detentions[0] (id D-1) interviews[0].startedAt: is before authorisedAt",
            "detentions[0] (id D-1) interviews[1].appropriateAdultPresent: is required",
            "detentions[0] (id D-1) interviews[1].startedAt: is before authorisedAt",
            "detentions[0] (id D-1) interviews[1].startedAt: starts in the same second as interviews[0] of this detention",
            "detentions[0] (id D-1) interviews[2].startedAt: is before authorisedAt",
            "detentions[0] (id D-1) interviews[2].startedAt: starts in the same second as interviews[0] of this detention",
            "detentions[1] (id D-1) id: duplicate id, also used by detentions[0]; every record with it is rejected",
            "policeProtections[0] (id PP-1) endedAt: is before startedAt",
            "policeProtections[0] (id PP-1) teamId: names team T-X, which is not a valid listed team");
        report.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => f.Id).Should().Equal(
            "DataQuality:strategyDiscussions:#0",
            "DataQuality:strategyDiscussions:#1",
            "DataQuality:detentions:#0",
            "DataQuality:detentions:#1",
            "DataQuality:policeProtections:#0");
    }

    [Fact]
    public void Evaluate_AnInterviewReadOnlyInPart_ItsStartIsStillCheckedAgainstAuthorisedAtAndTheOtherInterviews()
    {
        // Section 3: every problem is reported, not just the first. An interview with a bad or missing
        // appropriateAdultPresent still has a start that was read: that start before authorisedAt, or in the same second
        // as another interview, is a problem of its own (section 6), as an action read in part keeps its id.
        const string Text = """
            {
              "asOf": "2018-05-01",
              "detentions": [
                { "id": "D-1", "custodySuiteId": "CS-1", "juvenile": true, "authorisedAt": "2018-04-30T20:00Z",
                  "interviews": [ { "startedAt": "2018-04-30T21:00Z" }, { "startedAt": "2018-04-30T21:00:00.4Z", "appropriateAdultPresent": true },
                                  { "startedAt": "2018-04-30T19:00Z", "appropriateAdultPresent": "yes" }, { "appropriateAdultPresent": true } ] }
              ]
            }
            """;

        var report = Engine.Evaluate(JsonText.Read(Text), new EvaluationOptions { AllowPartialResults = true });

        report.Problems.Select(static p => p.ToString()).Should().BeEquivalentTo(
            "detentions[0] (id D-1) interviews[0].appropriateAdultPresent: is required",
            "detentions[0] (id D-1) interviews[1].startedAt: starts in the same second as interviews[0] of this detention",
            "detentions[0] (id D-1) interviews[2].appropriateAdultPresent: must be true or false, not a string",
            "detentions[0] (id D-1) interviews[2].startedAt: is before authorisedAt",
            "detentions[0] (id D-1) interviews[3].startedAt: is required");
        report.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Select(static f => f.Id).Should().Equal("DataQuality:detentions:#0");
    }

    [Fact]
    public void Evaluate_RejectedRecordsDatedAfterTheAsOf_AreStillDataQualityFindings()
    {
        // Section 6: "a rejected discussion, detention or protection is listed in rejected ... and becomes one DataQuality
        // finding", and "every rejected record counts in dataQuality"; as for offenders (section 3: "in no count but
        // rejected ... whatever its dates"), a rejected record's dates are not trusted, so its date after D (or time after
        // T) does not hide it. A valid record after D or T has not happened: no finding, no count.
        const string Text = """
            {
              "asOf": "2018-05-01",
              "teams": [],
              "strategyDiscussions": [ { "id": "SD-LATE", "teamId": "T-X", "heldOn": "2018-06-01" }, { "id": "SD-FINE", "heldOn": "2018-06-01" } ],
              "detentions": [ { "id": "D-LATE", "custodySuiteId": "", "juvenile": true, "authorisedAt": "2018-06-01T10:00Z" } ],
              "policeProtections": [ { "id": "PP-LATE", "startedAt": "2018-06-01T10:00Z", "endedAt": "2018-06-01T09:00Z" } ]
            }
            """;

        var report = Engine.Evaluate(JsonText.Read(Text), new EvaluationOptions { AllowPartialResults = true });

        report.Findings.Select(static f => f.Id).Should().Equal(
            "DataQuality:strategyDiscussions:#0",
            "DataQuality:detentions:#0",
            "DataQuality:policeProtections:#0");
        report.Summary.Count(FindingKinds.DataQuality).Should().Be(3);
        report.Problems.Select(static p => p.Id).Should().Equal("SD-LATE", "D-LATE", "PP-LATE");
    }

    [Fact]
    public void Evaluate_InterviewsInTheSameSecond_AreAProblem()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Detentions =
            [
                new Detention
                {
                    Id = "D-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = new DateTimeOffset(2018, 4, 30, 20, 0, 0, TimeSpan.Zero),
                    Interviews =
                    [
                        new Interview { StartedAt = new DateTimeOffset(2018, 4, 30, 22, 0, 0, TimeSpan.Zero), AppropriateAdultPresent = true },
                        new Interview { StartedAt = new DateTimeOffset(2018, 4, 30, 23, 0, 0, 500, TimeSpan.FromHours(1)), AppropriateAdultPresent = true },
                    ],
                },
            ],
        };

        var report = Engine.Evaluate(snapshot);

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.ToString().Should().Be("detentions[0] (id D-1) interviews[1].startedAt: starts in the same second as interviews[0] of this detention");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Evaluate_DuplicateActionIdsAndInterviewSecondsAmongManyRecords_NameTheFirstRecordWithThem(int count)
    {
        // A handful of actions or interviews is scanned, more are looked up in a dictionary: both name the same first record.
        var authorised = new DateTimeOffset(2018, 4, 30, 20, 0, 0, TimeSpan.Zero);
        var actions = Enumerable.Range(0, count)
            .Select(a => new StrategyAction { Id = a == count - 1 ? "1" : (a + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Owner = ActionOwner.Police, DueOn = new DateOnly(2018, 4, 27) })
            .Prepend(new StrategyAction { Id = "9999", Owner = ActionOwner.Police, DueOn = new DateOnly(2018, 4, 27) })
            .ToList();
        var interviews = Enumerable.Range(0, count)
            .Select(i => new Interview { StartedAt = authorised.AddMinutes(i == count - 1 ? 1 : i + 1).AddMilliseconds(i == count - 1 ? 400 : 0), AppropriateAdultPresent = true })
            .ToList();
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            StrategyDiscussions = [new StrategyDiscussion { Id = "SD-1", HeldOn = new DateOnly(2018, 4, 20), Actions = actions }],
            Detentions = [new Detention { Id = "D-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = authorised, Interviews = interviews }],
        };

        var report = Engine.Evaluate(snapshot);

        report.Problems.Select(static p => p.ToString()).Should().Equal(
            $"strategyDiscussions[0] (id SD-1) actions[{count}].id: duplicate action id, also used by actions[1] of this discussion",
            $"detentions[0] (id D-1) interviews[{count - 1}].startedAt: starts in the same second as interviews[0] of this detention");
    }

    [Fact]
    public void Evaluate_ExtractedAtOnAnotherDayThanAsOf_StopsEvenAPartialRun()
    {
        var snapshot = JsonText.Read("""{ "asOf": "2018-05-01", "extractedAt": "2018-05-01T23:10:00Z" }""");

        var report = Engine.Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.ToString().Should().Be("extractedAt: falls on 2018-05-02 in UK local time, which is not the snapshot's asOf (2018-05-01); the two must agree");
    }

    [Fact]
    public void Evaluate_AsOfInstant_IsExtractedAtUnlessTheCallerGivesADate()
    {
        var snapshot = JsonText.Read("""{ "extractedAt": "2018-05-01T23:10:00+01:00" }""");

        var own = Engine.Evaluate(snapshot);
        var callers = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        var winter = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = new DateOnly(2018, 1, 15) });

        own.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        own.AsOfInstant.Should().Be(new DateTimeOffset(2018, 5, 1, 22, 10, 0, TimeSpan.Zero));
        callers.AsOfInstant.Should().Be(new DateTimeOffset(2018, 5, 1, 23, 0, 0, TimeSpan.Zero));
        winter.AsOfInstant.Should().Be(new DateTimeOffset(2018, 1, 16, 0, 0, 0, TimeSpan.Zero));
    }
}
