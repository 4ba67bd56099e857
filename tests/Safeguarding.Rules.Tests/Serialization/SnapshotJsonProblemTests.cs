using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Contract section 3: every problem with the document is reported, naming the array, index, id and field.</summary>
public sealed class SnapshotJsonProblemTests
{
    [Fact]
    public void Read_UnparseableJson_IsADocumentProblemWithLineAndPosition()
    {
        // Line 3 (counted from 1) has a second comma at byte 30 (counted from 1): two spaces, "offenders" (11), ": [ { " (6), "id": "A", (10).
        var snapshot = JsonText.Read("{\n  \"asOf\": \"2018-05-01\",\n  \"offenders\": [ { \"id\": \"A\",, } ]\n}");

        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Id = (string?)null, Field = "$" });
        problem.IsDocumentProblem.Should().BeTrue();
        problem.Problem.Should().Contain("not valid JSON").And.Contain("line 3, byte position 30");
        snapshot.Snapshot.Offenders.Should().BeEmpty();
    }

    [Fact]
    public void Read_TruncatedDocument_IsADocumentProblem()
    {
        var text = JsonText.ContractSnapshot[..(JsonText.ContractSnapshot.Length / 2)];

        var snapshot = JsonText.Read(text);

        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Field = "$" });
        snapshot.Snapshot.Offenders.Should().BeEmpty();
        snapshot.Snapshot.Managers.Should().BeEmpty();
    }

    [Fact]
    public void Read_ContentAfterTheDocument_IsUnparseable()
    {
        var snapshot = JsonText.Read("{ }\n{ }");

        snapshot.Problems.Should().ContainSingle().Which.Problem.Should().Contain("line 2, byte position 1");
    }

    [Fact]
    public void Read_EmptyDocument_IsADocumentProblem()
    {
        var snapshot = JsonText.Read("  \n ");

        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Field = "$" });
    }

    [Fact]
    public void Read_InvalidUtf8_IsADocumentProblemWithPosition()
    {
        byte[] bytes = [.. JsonText.Utf8("{ \"offenders\": [ { \"id\": \"A"), 0xC3, 0x28, .. JsonText.Utf8("\" } ] }")];

        var snapshot = SnapshotJson.Read(bytes);

        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("$");
        problem.Array.Should().BeNull();
        problem.Problem.Should().Contain("UTF-8").And.Contain("line 1, byte position 28");
    }

    [Theory]
    [InlineData("""{ "offenders": [ { "id": "RSO-\uD800", "riskLevel": "High", "registeredOn": "2015-03-02" } ] }""", 26)]
    [InlineData("""{ "offenders": [ { "id": "RSO-1", "riskLevel": "\uDC00", "registeredOn": "2015-03-02" } ] }""", 48)]
    [InlineData("""{ "offenders": [ { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-\uD8000" } ] }""", 72)]
    [InlineData("""{ "offenders": [ { "\uDC00": 1, "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02" } ] }""", 20)]
    public void Read_StringEscapingALoneSurrogate_IsADocumentProblemWithPosition(string json, int position)
    {
        var snapshot = JsonText.Read(json);

        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Id = (string?)null, Field = "$" });
        problem.Problem.Should().Contain("not valid Unicode").And.Contain($"line 1, byte position {position}");
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"snapshot\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Read_TopLevelNotAnObject_IsADocumentProblem(string json, string found)
    {
        var snapshot = JsonText.Read(json);

        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Id = (string?)null, Field = "$" });
        problem.Problem.Should().Contain("object").And.EndWith(found);
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("managers")]
    [InlineData("offenders")]
    [InlineData("visits")]
    [InlineData("briefings")]
    public void Read_TopLevelArrayPropertyNotAnArray_IsADocumentProblemNamingIt(string array)
    {
        var snapshot = JsonText.Read($$"""{ "{{array}}": { "id": "X" } }""");

        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Id = (string?)null, Field = array });
        problem.Problem.Should().Contain("array").And.Contain("an object");
    }

    [Fact]
    public void Read_ArrayElementNotAnObject_IsAMalformedRecordThatStillCounts()
    {
        var snapshot = JsonText.ReadOffenders(JsonText.ValidOffender, "\"RSO-2\"", "null", "[1]");

        snapshot.Snapshot.Offenders.Should().ContainSingle();
        snapshot.Problems.Select(p => (p.Array, p.Index, p.Id, p.Field)).Should().Equal(
            ("offenders", 1, null, "$"),
            ("offenders", 2, null, "$"),
            ("offenders", 3, null, "$"));
        snapshot.Problems.Select(p => p.Problem).Should().Equal(
            "must be a JSON object (a record), not a string",
            "must be a JSON object (a record), not null",
            "must be a JSON object (a record), not an array");
        snapshot.OffenderRecordCount.Should().Be(4);
    }

    [Theory]
    [InlineData("id", "123", "a string")]
    [InlineData("managerId", "17", "a string")]
    [InlineData("neighbourhoodId", "{}", "a string")]
    [InlineData("riskLevel", "2", "a string")]
    [InlineData("registeredOn", "20150302", "a date")]
    [InlineData("riskAssessedOn", "[\"2018-01-10\"]", "a date")]
    [InlineData("inCustody", "\"yes\"", "true or false")]
    [InlineData("reactiveManagement", "0", "true or false")]
    [InlineData("visitIntervalDays", "\"30\"", "a whole number")]
    [InlineData("mappaLevel", "true", "a whole number")]
    public void Read_OffenderFieldOfTheWrongJsonType_IsAProblemOfThatField(string field, string value, string expected)
    {
        var record = JsonText.Offender((field, value));

        var problem = JsonText.OnlyProblemOf(record);

        problem.Array.Should().Be("offenders");
        problem.Index.Should().Be(0);
        problem.Id.Should().Be(field == "id" ? null : "RSO-1");
        problem.Field.Should().Be(field);
        problem.Problem.Should().StartWith("must be " + expected).And.Contain(", not ");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("riskLevel")]
    [InlineData("registeredOn")]
    public void Read_OffenderRequiredFieldMissing_IsAProblemOfThatField(string field)
    {
        var record = JsonText.Offender((field, null));

        var problem = JsonText.OnlyProblemOf(record);

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = field == "id" ? null : "RSO-1", Field = field, Problem = "is required" });
    }

    [Theory]
    [InlineData("id")]
    [InlineData("riskLevel")]
    [InlineData("registeredOn")]
    public void Read_OffenderRequiredFieldNull_IsAProblemOfThatField(string field)
    {
        var record = JsonText.Offender((field, "null"));

        var problem = JsonText.OnlyProblemOf(record);

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = field == "id" ? null : "RSO-1", Field = field, Problem = "is required; it is null" });
    }

    [Theory]
    [InlineData("high")]
    [InlineData("HIGH")]
    [InlineData("Very High")]
    [InlineData("")]
    public void Read_UnknownRiskLevel_IsAProblemCaseSensitively(string value)
    {
        var problem = JsonText.OnlyProblemOf($$"""{ "id": "RSO-1", "riskLevel": "{{value}}", "registeredOn": "2015-03-02" }""");

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = "RSO-1", Field = "riskLevel" });
        problem.Problem.Should().Be("unknown value; expected Low, Medium, High or VeryHigh");
    }

    [Fact]
    public void Read_UnknownVisitOutcome_IsAProblemOfTheVisit()
    {
        var snapshot = JsonText.Read("""{ "visits": [ { "offenderId": "RSO-1", "date": "2018-01-01", "outcome": "completed" } ] }""");

        snapshot.Snapshot.Visits.Should().BeEmpty();
        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = "visits",
            Index = (int?)0,
            Id = (string?)null,
            Field = "outcome",
            Problem = "unknown value; expected Completed, NoAccess or Cancelled",
        });
    }

    [Fact]
    public void Read_NumberAsVisitOutcome_IsAWrongTypeProblem()
    {
        var snapshot = JsonText.Read("""{ "visits": [ { "offenderId": "RSO-1", "date": "2018-01-01", "outcome": 0 } ] }""");

        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("outcome");
        problem.Problem.Should().Be("must be a string (Completed, NoAccess or Cancelled), not a number");
    }

    [Theory]
    [InlineData("2015-3-2")]
    [InlineData("02/03/2015")]
    [InlineData("2015-03-02T00:00:00")]
    [InlineData("2015-03-0x")]
    [InlineData("")]
    public void Read_MalformedDate_IsAProblemSayingTheForm(string value)
    {
        var problem = JsonText.OnlyProblemOf($$"""{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "{{value}}" }""");

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = "RSO-1", Field = "registeredOn" });
        problem.Problem.Should().Be("must be a date in the form yyyy-MM-dd");
    }

    [Theory]
    [InlineData("2018-02-30")]
    [InlineData("2017-02-29")]
    [InlineData("2018-13-01")]
    [InlineData("2018-04-31")]
    [InlineData("2018-00-10")]
    [InlineData("0000-01-01")]
    public void Read_ImpossibleDate_IsAProblemDistinctFromMalformed(string value)
    {
        var problem = JsonText.OnlyProblemOf($$"""{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02", "releasedOn": "{{value}}" }""");

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = "RSO-1", Field = "releasedOn" });
        problem.Problem.Should().Be("is not a real date: that day does not exist in the calendar");
    }

    [Fact]
    public void Read_LeapDay_IsAValidDate()
    {
        var snapshot = JsonText.ReadOffenders("""{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2016-02-29" }""");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders[0].RegisteredOn.Should().Be(new DateOnly(2016, 2, 29));
    }

    [Theory]
    [InlineData("1.5", "must be a whole number; it has a fractional part")]
    [InlineData("0.1", "must be a whole number; it has a fractional part")]
    [InlineData("2147483648", "must be from 1 to 3; it is far outside that range")]
    [InlineData("1e10", "must be from 1 to 3; it is far outside that range")]
    [InlineData("1e400", "must be from 1 to 3; it is far outside that range")]
    [InlineData("-1e400", "must be from 1 to 3; it is far outside that range")]
    public void Read_NumberThatIsNotAWholeNumberInRange_IsAProblem(string value, string expected)
    {
        var problem = JsonText.OnlyProblemOf($$"""{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02", "mappaLevel": {{value}} }""");

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = "RSO-1", Field = "mappaLevel", Problem = expected });
    }

    [Fact]
    public void Read_VisitIntervalBeyondInt32_NamesTheFieldsOwnRange()
    {
        var problem = JsonText.OnlyProblemOf("""{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02", "visitIntervalDays": 1e400 }""");

        problem.Field.Should().Be("visitIntervalDays");
        problem.Problem.Should().Be("must be from 1 to 730; it is far outside that range");
    }

    [Fact]
    public void Read_OutOfPolicyRangeButWholeNumber_IsLeftToTheValidator()
    {
        var snapshot = JsonText.ReadOffenders("""{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02", "visitIntervalDays": 0, "mappaLevel": 4 }""");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().ContainSingle();
        var report = new SafeguardingEngine().Evaluate(snapshot);
        report.Problems.Select(p => p.Field).Should().BeEquivalentTo("visitIntervalDays", "mappaLevel");
    }

    [Theory]
    [InlineData("\"1\"", "must be a whole number (1), not a string")]
    [InlineData("1.5", "must be a whole number; it has a fractional part")]
    [InlineData("{}", "must be a whole number (1), not an object")]
    public void Read_SchemaVersionNotAWholeNumber_IsADocumentProblem(string value, string expected)
    {
        var snapshot = JsonText.Read($$"""{ "schemaVersion": {{value}}, "offenders": [ {{JsonText.ValidOffender}} ] }""");

        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = (string?)null,
            Index = (int?)null,
            Id = (string?)null,
            Field = "schemaVersion",
            Problem = expected,
        });
        snapshot.Snapshot.Offenders.Should().ContainSingle();
    }

    [Fact]
    public void Read_SchemaVersionOtherThanOne_IsLeftToTheValidator()
    {
        var snapshot = JsonText.Read("""{ "schemaVersion": 2 }""");

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.SchemaVersion.Should().Be(2);
        new SafeguardingEngine().Evaluate(snapshot).Problems.Should().ContainSingle().Which.Field.Should().Be("schemaVersion");
    }

    [Theory]
    [InlineData("\"2018-5-1\"", "must be a date in the form yyyy-MM-dd")]
    [InlineData("\"2018-02-30\"", "is not a real date: that day does not exist in the calendar")]
    [InlineData("20180501", "must be a date string (yyyy-MM-dd), not a number")]
    public void Read_AsOfMalformed_IsADocumentProblem(string value, string expected)
    {
        var snapshot = JsonText.Read($$"""{ "asOf": {{value}} }""");

        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = (string?)null,
            Index = (int?)null,
            Id = (string?)null,
            Field = "asOf",
            Problem = expected,
        });
        snapshot.Snapshot.AsOf.Should().BeNull();
    }

    [Fact]
    public void Read_RepeatedPropertyInARecord_IsAProblem()
    {
        var problem = JsonText.OnlyProblemOf("""{ "id": "RSO-1", "riskLevel": "High", "riskLevel": "Low", "registeredOn": "2015-03-02" }""");

        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = (int?)0, Id = "RSO-1", Field = "riskLevel", Problem = "appears more than once in the record" });
    }

    [Fact]
    public void Read_RepeatedTopLevelProperty_IsADocumentProblem()
    {
        var snapshot = JsonText.Read($$"""{ "offenders": [ {{JsonText.ValidOffender}} ], "offenders": [ ] }""");

        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Array = (string?)null, Index = (int?)null, Field = "offenders", Problem = "appears more than once in the document" });
        snapshot.Snapshot.Offenders.Should().ContainSingle();
    }

    [Fact]
    public void Read_SeveralProblemsInOneRecord_ReportsEveryOne()
    {
        var snapshot = JsonText.ReadOffenders("""
            { "id": "RSO-7", "managerId": 17, "riskLevel": "Severe", "riskAssessedOn": "2018-02-30", "releasedOn": "yesterday",
              "inCustody": "no", "visitIntervalDays": 1.5, "mappaLevel": "two" }
            """);

        snapshot.Snapshot.Offenders.Should().BeEmpty();
        snapshot.Problems.Should().OnlyContain(p => p.Array == "offenders" && p.Index == 0 && p.Id == "RSO-7");
        snapshot.Problems.Select(p => p.Field).Should().BeEquivalentTo(
            "managerId", "riskLevel", "riskAssessedOn", "releasedOn", "inCustody", "visitIntervalDays", "mappaLevel", "registeredOn");
        snapshot.OffenderRecordCount.Should().Be(1);
    }

    [Fact]
    public void Read_ProblemsInSeveralRecords_ReportsEveryRecord()
    {
        var snapshot = JsonText.Read("""
            {
              "teams": [ { "id": 1 }, { "id": "T-1" } ],
              "managers": [ { "id": "OM-1", "teamId": "T-1" }, { "teamId": "T-1" } ],
              "offenders": [
                { "id": "RSO-0", "riskLevel": "Low", "registeredOn": "2015-03-02" },
                { "id": "RSO-1", "riskLevel": "Low" },
                { "id": "RSO-2", "riskLevel": "Low", "registeredOn": "2015-03-02" },
                { "id": "RSO-3", "riskLevel": "low", "registeredOn": "2015-03-02" }
              ],
              "visits": [ { "offenderId": "RSO-0", "date": "2018-01-01", "outcome": "Completed" }, { "offenderId": "RSO-0", "outcome": "NoAccess" } ],
              "briefings": [ { "offenderId": "RSO-0", "neighbourhoodId": null, "date": "2018-01-01" } ]
            }
            """);

        snapshot.Problems.Select(p => (p.Array, p.Index, p.Id, p.Field)).Should().Equal(
            ("teams", 0, null, "id"),
            ("managers", 1, null, "id"),
            ("offenders", 1, "RSO-1", "registeredOn"),
            ("offenders", 3, "RSO-3", "riskLevel"),
            ("visits", 1, null, "date"),
            ("briefings", 0, null, "neighbourhoodId"));
        snapshot.Snapshot.Teams!.Select(t => t.Id).Should().Equal("T-1");
        snapshot.Snapshot.Managers.Select(m => m.Id).Should().Equal("OM-1");
        snapshot.Snapshot.Offenders.Select(o => o.Id).Should().Equal("RSO-0", "RSO-2");
        snapshot.Snapshot.Visits.Should().ContainSingle();
        snapshot.Snapshot.Briefings.Should().BeEmpty();
        snapshot.OffenderRecordCount.Should().Be(4);
    }

    [Fact]
    public void Read_EmptyIdInAMalformedRecord_IsNotGivenAsTheId()
    {
        var problem = JsonText.OnlyProblemOf("""{ "id": "", "riskLevel": "Nope", "registeredOn": "2015-03-02" }""");

        problem.Id.Should().BeNull();
        problem.Field.Should().Be("riskLevel");
    }

    [Fact]
    public void Read_ProblemMessages_NeverQuoteTheValue()
    {
        var snapshot = JsonText.ReadOffenders("""
            { "id": "RSO-1", "managerId": { "name": "Jane Doe" }, "riskLevel": "Jane Doe", "registeredOn": "Jane Doe", "neighbourhoodId": ["Jane Doe"],
              "mappaLevel": 1.2345678, "inCustody": "Jane Doe" }
            """);

        snapshot.Problems.Should().HaveCount(6);
        snapshot.Problems.Should().OnlyContain(p => !p.ToString().Contains("Jane", StringComparison.Ordinal) && !p.ToString().Contains("2345678", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_MalformedRecordsWithPartialResults_AreRejectedAndBecomeDataQualityFindings()
    {
        var snapshot = JsonText.Read("""
            { "asOf": "2018-05-01",
              "offenders": [ { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02" },
                             { "id": "RSO-2", "riskLevel": "Extreme", "registeredOn": "2015-03-02" },
                             "not a record" ] }
            """);

        var report = new SafeguardingEngine().Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true });

        report.IsEvaluated.Should().BeTrue();
        report.Summary.Offenders.Should().Be(3);
        report.Summary.Rejected.Should().Be(2);
        report.Summary.Evaluated.Should().Be(1);
        report.Findings.Where(f => f.Kind == FindingKinds.DataQuality).Select(f => (f.OffenderId, f.Index)).Should().Equal((null, 2), ("RSO-2", 1)); // An absent offender id sorts first.
        report.Problems.Select(p => (p.Array, p.Index, p.Field)).Should().Equal(("offenders", 1, "riskLevel"), ("offenders", 2, "$"));
    }

    [Fact]
    public void Evaluate_MalformedRecordsWithoutPartialResults_StopsWithEveryProblem()
    {
        var snapshot = JsonText.ReadOffenders(
            """{ "id": "RSO-1", "riskLevel": "Extreme", "registeredOn": "2015-03-02" }""",
            """{ "id": "RSO-2", "riskLevel": "High", "registeredOn": "2015-02-30" }""");

        var report = new SafeguardingEngine().Evaluate(snapshot);

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Select(p => (p.Index, p.Id, p.Field)).Should().Equal((0, "RSO-1", "riskLevel"), (1, "RSO-2", "registeredOn"));
    }

    [Fact]
    public void Evaluate_UnparseableDocument_IsNotEvaluatedEvenWithPartialResults()
    {
        var snapshot = JsonText.Read("{ \"offenders\": [ ");

        var report = new SafeguardingEngine().Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true, AsOf = new DateOnly(2018, 5, 1) });

        report.IsEvaluated.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.IsDocumentProblem.Should().BeTrue();
    }

    [Fact]
    public void Read_MalformedRecordIdsStillCountForDuplicates()
    {
        var snapshot = JsonText.ReadOffenders(
            """{ "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-03-02" }""",
            """{ "id": "RSO-1", "riskLevel": "Extreme", "registeredOn": "2015-03-02" }""");

        var report = new SafeguardingEngine().Evaluate(snapshot, new EvaluationOptions { AllowPartialResults = true, AsOf = new DateOnly(2018, 5, 1) });

        report.Summary.Rejected.Should().Be(2, "when two records share an id every one of them is rejected");
        report.Problems.Should().Contain(p => p.Index == 0 && p.Field == "id");
    }
}
