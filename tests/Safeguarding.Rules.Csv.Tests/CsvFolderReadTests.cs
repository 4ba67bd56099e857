using System.Security.Cryptography;
using System.Text;
using Safeguarding.Rules.Csv.Reading;
using Safeguarding.Rules.Csv.Tests.Support;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>Contract section 9, rule by rule: what a CSV folder means and how its problems are named.</summary>
public sealed class CsvFolderReadTests
{
    [Fact]
    public void ReadFolder_ContractExample_GivesTheJsonSnapshotsRecords()
    {
        using var folder = new CsvFolder()
            .With("snapshot.csv", "schemaVersion,asOf", "1,2018-05-01")
            .With("teams.csv", "id", "T-NORTH")
            .With("managers.csv", "id,teamId", "OM-017,T-NORTH")
            .With("offenders.csv",
                "id,managerId,neighbourhoodId,riskLevel,riskAssessedOn,registeredOn,releasedOn,inCustody,reactiveManagement,visitIntervalDays,mappaLevel,movedIntoNeighbourhoodOn",
                "RSO-000123,OM-017,NPT-07,High,2018-01-10,2015-03-02,,false,false,,1,2017-11-20")
            .With("visits.csv", "offenderId,date,outcome,announced", "RSO-000123,2018-02-01,Completed,false")
            .With("briefings.csv", "offenderId,neighbourhoodId,date", "RSO-000123,NPT-07,2017-11-23");

        var snapshot = folder.Read();

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.SchemaVersion.Should().Be(1);
        snapshot.Snapshot.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        snapshot.Snapshot.Teams.Should().ContainSingle().Which.Id.Should().Be("T-NORTH");
        snapshot.Snapshot.Managers.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "OM-017", TeamId = "T-NORTH" });
        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Should().BeEquivalentTo(new Offender
        {
            Id = "RSO-000123",
            ManagerId = "OM-017",
            NeighbourhoodId = "NPT-07",
            RiskLevel = RiskLevel.High,
            RiskAssessedOn = new DateOnly(2018, 1, 10),
            RegisteredOn = new DateOnly(2015, 3, 2),
            MappaLevel = 1,
            MovedIntoNeighbourhoodOn = new DateOnly(2017, 11, 20),
        });
        snapshot.Snapshot.Visits.Should().ContainSingle().Which.Should().BeEquivalentTo(new { OffenderId = "RSO-000123", Outcome = VisitOutcome.Completed, Announced = (bool?)false });
        snapshot.Snapshot.Briefings.Should().ContainSingle().Which.NeighbourhoodId.Should().Be("NPT-07");
    }

    [Fact]
    public void ReadFolder_ByteOrderMark_IsAllowed()
    {
        using var folder = new CsvFolder().WithBytes("offenders.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id,riskLevel,registeredOn\r\nA,Low,2015-03-02\r\n")]);

        var snapshot = folder.Read();

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Id.Should().Be("A");
    }

    [Fact]
    public void ReadFolder_NonAsciiText_IsReadAsUtf8()
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn,neighbourhoodId", "RSO-É1,Low,2015-03-02,Ynys Môn 日本");

        var offender = folder.Read().Snapshot.Offenders.Should().ContainSingle().Subject;

        offender.Id.Should().Be("RSO-É1");
        offender.NeighbourhoodId.Should().Be("Ynys Môn 日本");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void ReadFolder_CrlfOrLfLineEnds_GiveTheSameRecordsAndLines(string lineEnd)
    {
        using var folder = new CsvFolder().WithLineEnds("offenders.csv", lineEnd, "id,riskLevel,registeredOn", "A,Low,2015-03-02", "B,Severe,2015-03-02");

        var snapshot = folder.Read();

        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Id.Should().Be("A");
        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = "offenders", Index = 1, Id = "B", Field = "riskLevel", File = "offenders.csv", Line = 3, Column = 2,
        });
    }

    [Fact]
    public void ReadFolder_QuotedMultiLineCell_IsOneCellAndTheRecordIsOnTheLineItStartsOn()
    {
        using var folder = new CsvFolder().With(
            "offenders.csv",
            "id,neighbourhoodId,riskLevel,registeredOn",
            "A,\"NPT\r\n07, \"\"north\"\"\",Low,2015-03-02",
            "B,NPT-08,Low,2015-02-30");

        var snapshot = folder.Read();

        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.NeighbourhoodId.Should().Be("NPT\r\n07, \"north\"");
        snapshot.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Index = 1, Field = "registeredOn", Problem = "is not a real date: that day does not exist in the calendar", Line = 4, Column = 4,
        });
    }

    [Fact]
    public void ReadFolder_NoOffendersFile_IsAProblemOfTheFolderWhileOtherMissingFilesAreEmpty()
    {
        using var folder = new CsvFolder().With("managers.csv", "id", "OM-1");

        var read = folder.Read();

        read.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = (string?)null, Index = (int?)null, Field = "$", File = "offenders.csv", Line = 1, Column = 1,
        });
        read.Snapshot.Managers.Should().ContainSingle();
        read.Snapshot.Visits.Should().BeEmpty("a missing file other than offenders.csv is an empty array");
        read.Snapshot.Teams.Should().BeNull("a missing teams.csv means the snapshot lists no teams");
    }

    [Fact]
    public void ReadFolder_RequiredColumnMissing_IsOneProblemAndRejectsEveryRow()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel", "A,Low", "B,High", "C,Medium");

        var report = Engine.Partial(folder.Read());

        report.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Array = "offenders", Index = (int?)null, Field = "registeredOn", File = "offenders.csv", Line = 1, Column = 3,
        });
        report.Summary.Offenders.Should().Be(3);
        report.Summary.Rejected.Should().Be(3);
        report.Findings.Where(static f => f.Kind == FindingKinds.DataQuality).Should().HaveCount(3);
    }

    [Theory]
    [InlineData("A,Low", 2, 3)]
    [InlineData("A,Low,2015-03-02,extra", 4, 4)]
    public void ReadFolder_RowWithMoreOrFewerCellsThanTheHeader_IsAProblemOfThatRow(string row, int cells, int column)
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn", "Z,Low,2015-03-02", row);

        var snapshot = folder.Read();

        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Id.Should().Be("Z");
        var problem = snapshot.Problems.Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { Array = "offenders", Index = 1, Field = "$", File = "offenders.csv", Line = 3, Column = column });
        problem.Problem.Should().Be("has " + cells + " cells; the header has 3");
        snapshot.OffenderRecordCount.Should().Be(2);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void ReadFolder_ALoneCarriageReturnInAQuotedCell_IsTextNotALineEnd(string lineEnd)
    {
        // Section 9: "Line ends may be CRLF or LF" and "a record's line is the line on which it starts". A carriage return
        // on its own inside a quoted cell (as some case systems store a note's line breaks) is a character of the cell,
        // not a line end, so the records after it keep the lines an editor counting CRLF and LF line ends shows.
        using var folder = new CsvFolder().WithLineEnds(
            "offenders.csv",
            lineEnd,
            "id,riskLevel,registeredOn,notes",
            "A,Low,2015-03-02,\"one\rtwo\rthree\"",
            "B,Severe,2015-03-02,\"four\r\nfive\"",
            "C,Severe,2015-03-02,");

        var snapshot = folder.Read();

        snapshot.Problems.Select(static p => (p.Id, p.Field, p.Line, p.Column)).Should().Equal(("B", "riskLevel", 3, 2), ("C", "riskLevel", 5, 2));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void ReadFolder_BlankLine_IsARowOfOneEmptyCell_SoAProblemOfThatRow(string lineEnd)
    {
        // Section 9: files are RFC 4180 CSV, whose grammar makes an empty line a record of one empty field, and "a row with
        // more or fewer cells than the header is a problem". A blank line is such a row, with its own line and index, not
        // skipped (a row dropped silently would be a record lost); only the one line end that ends the file ends no row.
        using var folder = new CsvFolder()
            .WithLineEnds("offenders.csv", lineEnd, "id,riskLevel,registeredOn", "A,Low,2015-03-02", string.Empty, "B,Low,2015-03-02")
            .WithLineEnds("teams.csv", lineEnd, "id", "T-1", string.Empty);

        var result = folder.Read();

        result.Problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column, p.Problem)).Should().Equal(
            ("teams", 1, "id", "teams.csv", 3, 1, "is required"),
            ("offenders", 1, "$", "offenders.csv", 3, 2, "has 1 cell; the header has 3"));
        result.Snapshot.Offenders.Select(static o => o.Id).Should().Equal("A", "B");
        result.OffenderRecordCount.Should().Be(3);
        result.Snapshot.Teams!.Select(static t => t.Id).Should().Equal("T-1");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    public void ReadFolder_SnapshotCsvWithoutExactlyOneRow_IsADocumentProblem(int rows, int line)
    {
        var lines = new List<string> { "schemaVersion,asOf" };
        lines.AddRange(Enumerable.Repeat("1,2018-05-01", rows));
        using var folder = new CsvFolder()
            .With("snapshot.csv", [.. lines])
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02");

        var report = Engine.Partial(folder.Read());

        var problem = report.Problems.Should().ContainSingle().Subject;
        problem.IsDocumentProblem.Should().BeTrue();
        problem.Should().BeEquivalentTo(new { Field = "$", File = "snapshot.csv", Line = line, Column = 1 });
        problem.Problem.Should().EndWith("it has " + rows);
        report.IsEvaluated.Should().BeFalse();
    }

    [Fact]
    public void ReadFolder_SnapshotCsvWithOneRow_GivesTheDocumentsValues()
    {
        using var folder = new CsvFolder()
            .With("snapshot.csv", "asOf,schemaVersion", "2018-05-01,")
            .With("offenders.csv", "id,riskLevel,registeredOn");

        var snapshot = folder.Read();

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        snapshot.Snapshot.SchemaVersion.Should().BeNull();
    }

    [Fact]
    public void ReadFolder_NoTeamsCsv_GivesNoTeamList()
    {
        using var folder = new CsvFolder()
            .With("managers.csv", "id,teamId", "OM-1,T-1")
            .With("offenders.csv", "id,riskLevel,registeredOn,managerId", "A,Low,2015-03-02,OM-1");

        var snapshot = folder.Read();
        var report = Engine.Partial(snapshot);

        snapshot.Snapshot.Teams.Should().BeNull();
        report.Problems.Should().BeEmpty();
    }

    [Fact]
    public void ReadFolder_TeamsCsvWithOnlyItsHeader_GivesAnEmptyTeamListSoEveryTeamIdIsUnknown()
    {
        using var folder = new CsvFolder()
            .With("teams.csv", "id")
            .With("managers.csv", "id,teamId", "OM-1,T-1")
            .With("offenders.csv", "id,riskLevel,registeredOn,managerId", "A,Low,2015-03-02,OM-1");

        var snapshot = folder.Read();
        var report = Engine.Partial(snapshot);

        snapshot.Snapshot.Teams.Should().BeEmpty();
        report.Problems.Should().ContainEquivalentOf(new
        {
            Array = "managers", Index = 0, Id = "OM-1", Field = "teamId", File = "managers.csv", Line = 2, Column = 2,
        });
    }

    [Fact]
    public void ReadFolder_UnknownColumnsAndOtherFiles_AreIgnored()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "name,registeredOn,id,riskLevel,notes", "\"Not, read\",2015-03-02,A,Low,anything \"at all\"")
            .With("addresses.csv", "not a csv \"file");

        var snapshot = folder.Read();

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "A", RiskLevel = RiskLevel.Low });
    }

    [Fact]
    public void ReadFolder_EmptyOrQuotedEmptyCell_IsAbsent()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn,managerId,inCustody,visitIntervalDays", "A,Low,2015-03-02,,\"\",\"\"", "B,Low,2015-03-02,\"\",,");

        var snapshot = folder.Read();

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.Offenders.Should().AllSatisfy(static o =>
        {
            o.ManagerId.Should().BeNull();
            o.InCustody.Should().BeFalse();
            o.VisitIntervalDays.Should().BeNull();
        });
    }

    [Fact]
    public void ReadFolder_RequiredCellEmpty_IsRequired()
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn", "A,\"\",2015-03-02");

        var problem = folder.Read().Problems.Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { Index = 0, Id = "A", Field = "riskLevel", Problem = "is required", Line = 2, Column = 2 });
    }

    [Fact]
    public void ReadFolder_NumericId_IsTheString()
    {
        using var folder = new CsvFolder()
            .With("managers.csv", "id", "1")
            .With("offenders.csv", "id,riskLevel,registeredOn,managerId", "1,Low,2015-03-02,1");

        var snapshot = folder.Read();

        snapshot.Snapshot.Offenders.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "1", ManagerId = "1" });
        Engine.Partial(snapshot).Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("30.0", 30)]
    [InlineData("3e1", 30)]
    public void ReadFolder_WholeNumberWrittenAsInJson_IsRead(string cell, int expected)
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn,visitIntervalDays", "A,Low,2015-03-02," + cell);

        folder.Read().Snapshot.Offenders.Should().ContainSingle().Which.VisitIntervalDays.Should().Be(expected);
    }

    [Fact]
    public void ReadFolder_CellsAreNotTrimmed()
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn,visitIntervalDays,inCustody", "A, Low,2015-03-02 , 30,true ");

        var problems = folder.Read().Problems;

        problems.Select(static p => (p.Field, p.Column)).Should().BeEquivalentTo(new[]
        {
            ("riskLevel", (int?)2), ("registeredOn", 3), ("visitIntervalDays", 4), ("inCustody", 5),
        });
    }

    [Fact]
    public void ReadFolder_TypeErrors_NameFileLineAndColumnInTheJsonReadersWords()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn,inCustody,mappaLevel,riskAssessedOn", "A,Low,2015-03-02,True,1.5,2018-1-10")
            .With("visits.csv", "date,offenderId,outcome,announced", "2018-02-01,A,Done,yes");

        var problems = folder.Read().Problems;

        problems.Select(static p => (p.File, p.Line, p.Column, p.Field, p.Problem)).Should().BeEquivalentTo(new (string?, int?, int?, string, string)[]
        {
            ("offenders.csv", 2, 4, "inCustody", "must be true or false"),
            ("offenders.csv", 2, 5, "mappaLevel", "must be a whole number; it has a fractional part"),
            ("offenders.csv", 2, 6, "riskAssessedOn", "must be a date in the form yyyy-MM-dd"),
            ("visits.csv", 2, 3, "outcome", "unknown value; expected Completed, NoAccess or Cancelled"),
            ("visits.csv", 2, 4, "announced", "must be true or false"),
        });
    }

    [Theory]
    [InlineData("A,\"Low,2015-03-02")]
    [InlineData("A,Lo\"w,2015-03-02")]
    [InlineData("A,\"Lo\"w\",2015-03-02")]
    public void ReadFolder_BadQuotes_AreAProblemOfTheCell(string row)
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn", row);

        var snapshot = folder.Read();

        snapshot.Snapshot.Offenders.Should().BeEmpty();
        snapshot.Problems.Should().NotBeEmpty().And.AllSatisfy(static p => p.Should().BeEquivalentTo(new { File = "offenders.csv", Line = 2 }));
    }

    [Theory]
    [InlineData("A,Lo\"w,2015-03-02")]
    [InlineData("A,\"Low,2015-03-02")]
    public void ReadFolder_QuoteNeverClosed_NamesTheCellAndTheLinesReadIntoIt(string row)
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn", row, "B,Low,2015-03-02", "C,Low,2015-03-02");

        var problems = folder.Read().Problems;

        // The rows on lines 3 and 4 are swallowed by the open quote: the problem must say so, not only count cells.
        problems.Should().ContainSingle(static p => p.Problem.Contains("quote", StringComparison.Ordinal))
            .Which.Should().BeEquivalentTo(new { File = "offenders.csv", Line = 2, Column = 2, Field = "riskLevel", Array = "offenders", Index = 0 });
        problems.Single(static p => p.Problem.Contains("quote", StringComparison.Ordinal)).Problem.Should().Contain("lines 3 to 4");
    }

    [Theory]
    [InlineData("B,Low,2015-03-02,\"Jane Sentinel-Doe, 12 Acacia Avenue")]
    [InlineData("B,Low,2015-03-02,Jane \"Sentinel-Doe")]
    public void ReadFolder_QuoteNeverClosedInAnUnknownColumn_NamesTheCellAndTheLinesReadIntoIt(string row)
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn,notes", "A,Low,2015-03-02,x", row, "C,Low,2015-03-02,x", "D,Low,2015-03-02,x");

        var read = folder.Read();

        // The open quote in the column the reader ignores took the rows on lines 4 and 5 into its cell, and the row still
        // has as many cells as the header: those rows must not be lost without a problem.
        var problem = read.Problems.Should().ContainSingle().Which;
        problem.Should().BeEquivalentTo(new { File = "offenders.csv", Line = 3, Column = 4, Field = "$", Array = "offenders", Index = 1 });
        problem.Problem.Should().Be(Reading.CsvCells.BadQuotes + "; its quote is not closed, so lines 4 to 5 were read into this cell, not as rows");
        read.Snapshot.Offenders.Select(static o => o.Id).Should().Equal("A");
    }

    [Fact]
    public void ReadFolder_StrayQuoteInAnUnknownColumn_IsIgnoredWithTheColumn()
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn,notes", "A,Low,2015-03-02,say \"no\" twice", "B,Low,2015-03-02,x");

        var read = folder.Read();

        read.Problems.Should().BeEmpty("unknown columns are ignored (contract section 9), and no row was lost");
        read.Snapshot.Offenders.Select(static o => o.Id).Should().Equal("A", "B");
    }

    [Fact]
    public void ReadFolder_NoOffendersCsv_IsADocumentProblem()
    {
        using var folder = new CsvFolder().With("visits.csv", "offenderId,date,outcome");

        var problem = folder.Read().Problems.Should().ContainSingle().Subject;

        problem.IsDocumentProblem.Should().BeTrue();
        problem.File.Should().Be("offenders.csv");
    }

    [Fact]
    public void ReadFolder_InvalidUtf8_IsADocumentProblemWithLineAndColumn()
    {
        using var folder = new CsvFolder().WithBytes("offenders.csv", [.. Encoding.UTF8.GetBytes("id,riskLevel,registeredOn\r\nAB"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",Low,2015-03-02\r\n")]);

        var problem = folder.Read().Problems.Should().ContainSingle().Subject;

        problem.IsDocumentProblem.Should().BeTrue();
        problem.Should().BeEquivalentTo(new { File = "offenders.csv", Line = 2, Column = 3 });
    }

    [Fact]
    public void Evaluate_ChecksAcrossRecords_NameFileLineAndColumn()
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "riskLevel,id,registeredOn,managerId,visitIntervalDays", "Low,A,2015-03-02,,", "Low,A,2015-03-02,,", "Low,B,2015-03-02,OM-9,", "Low,C,2015-03-02,,999")
            .With("visits.csv", "offenderId,date,outcome", "X,2018-01-01,Completed");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (string?, int?, string, string?, int?, int?)[]
        {
            ("offenders", 0, "id", "offenders.csv", 2, 2),
            ("offenders", 1, "id", "offenders.csv", 3, 2),
            ("offenders", 2, "managerId", "offenders.csv", 4, 4),
            ("offenders", 3, "visitIntervalDays", "offenders.csv", 5, 5),
            ("visits", 0, "offenderId", "visits.csv", 2, 1),
        });
    }

    [Fact]
    public void Evaluate_MalformedOverrideRow_ItsOtherCellsAreCheckedToo()
    {
        // Contract section 3: every problem is reported. Row 0's from is no date, its kind may not be overridden by the
        // default policy and its reasonCode is free text; row 1 has no authorisedBy and its until is before its from.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02")
            .With("overrides.csv", "id,findingId,reasonCode,authorisedBy,from,until",
                "OV-1,CaseloadCritical:OM-1,in hospital,DS-1,2018-02-30,2018-05-15",
                "OV-2,VisitOverdue:A,IN_HOSPITAL,,2018-05-15,2018-05-01");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (int?, string, string?, int?, int?)[]
        {
            (0, "from", "overrides.csv", 2, 5),
            (0, "findingId", "overrides.csv", 2, 2),
            (0, "reasonCode", "overrides.csv", 2, 3),
            (1, "authorisedBy", "overrides.csv", 3, 4),
            (1, "until", "overrides.csv", 3, 6),
        });
    }

    [Theory]
    [InlineData("2018-04-30T21:15:00\uFF3A")]
    [InlineData("2018-04-30T21:15:00Z ")]
    [InlineData("2018-04-30T21:15:00.0000000000000000000000000000000000000000000000000000000000000000000Z")]
    [InlineData("2018-04-30T21:15:00")]
    public void ReadFolder_InstantNotAsciiTooLongOrWithoutOffset_IsAProblemOfItsCell(string startedAt)
    {
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02")
            .With("police-protections.csv", "id,startedAt", "PP-1," + startedAt);

        var problem = folder.Read().Problems.Should().ContainSingle().Subject;

        (problem.Array, problem.Field, problem.File, problem.Line, problem.Column).Should().Be(("policeProtections", "startedAt", "police-protections.csv", 2, 2));
        problem.Problem.Should().StartWith("must be a date-time with an offset");
    }

    [Fact]
    public void Evaluate_RejectedDiscussionOrProtectionRow_ItsOrderingsAreCheckedToo()
    {
        // Contract section 3: every problem is reported. SD-1 is rejected by its action's owner and its outcome is before
        // heldOn; PP-1's informed time is no instant and its end is before its start.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02")
            .With("strategy-discussions.csv", "id,heldOn,outcomeRecordedOn", "SD-1,2018-04-20,2018-04-01")
            .With("strategy-actions.csv", "discussionId,id,owner,dueOn", "SD-1,1,Nobody,2018-04-27")
            .With("police-protections.csv", "id,startedAt,localAuthorityInformedAt,endedAt", "PP-1,2018-04-30T21:15:00Z,soon,2018-04-30T20:15:00Z");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Array, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (string?, string, string?, int?, int?)[]
        {
            ("strategyDiscussions", "actions[0].owner", "strategy-actions.csv", 2, 3),
            ("strategyDiscussions", "outcomeRecordedOn", "strategy-discussions.csv", 2, 3),
            ("policeProtections", "localAuthorityInformedAt", "police-protections.csv", 2, 3),
            ("policeProtections", "endedAt", "police-protections.csv", 2, 4),
        });
    }

    [Fact]
    public void Evaluate_RejectedDetentionRow_ItsOrderingsAreCheckedToo_WithoutReportingAFieldTwice()
    {
        // Contract sections 3, 6 and 9. CUS-1's row has an empty custodySuiteId and a bad juvenile cell, and its second
        // interview row a bad appropriateAdultPresent (that interview's start, read, is still compared with the others);
        // CUS-2's row is well formed but rejected by its first interview row, whose start is still checked too. The
        // orderings of both are still checked.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt,appropriateAdultArrivedAt,releasedAt",
                "CUS-1,,maybe,2018-04-30T21:15:00Z,2018-04-30T20:00:00Z,2018-04-30T20:30:00Z",
                "CUS-2,CS-1,true,2018-04-30T21:15:00Z,,2018-04-30T21:00:00Z")
            .With("interviews.csv", "detentionId,startedAt,appropriateAdultPresent",
                "CUS-1,2018-04-30T20:45:00Z,true",
                "CUS-1,2018-04-30T22:00:00Z,yes",
                "CUS-1,2018-04-30T22:00:00.5Z,false",
                "CUS-1,2018-04-30T22:00:00.9Z,true",
                "CUS-2,2018-04-30T20:00:00Z,maybe",
                "CUS-2,2018-04-30T20:00:00Z,true");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (string?, int?, string, string?, int?, int?)[]
        {
            ("detentions", 0, "custodySuiteId", "detentions.csv", 2, 2),
            ("detentions", 0, "juvenile", "detentions.csv", 2, 3),
            ("detentions", 0, "appropriateAdultArrivedAt", "detentions.csv", 2, 5),
            ("detentions", 0, "releasedAt", "detentions.csv", 2, 6),
            ("detentions", 0, "interviews[0].startedAt", "interviews.csv", 2, 2),
            ("detentions", 0, "interviews[1].appropriateAdultPresent", "interviews.csv", 3, 3),
            ("detentions", 0, "interviews[2].startedAt", "interviews.csv", 4, 2),
            ("detentions", 0, "interviews[3].startedAt", "interviews.csv", 5, 2),
            ("detentions", 1, "releasedAt", "detentions.csv", 3, 6),
            ("detentions", 1, "interviews[0].appropriateAdultPresent", "interviews.csv", 6, 3),
            ("detentions", 1, "interviews[0].startedAt", "interviews.csv", 6, 2),
            ("detentions", 1, "interviews[1].startedAt", "interviews.csv", 7, 2),
            ("detentions", 1, "interviews[1].startedAt", "interviews.csv", 7, 2),
        });
    }

    [Fact]
    public void Evaluate_RejectedDiscussionRow_DuplicateActionIdsAreReportedToo()
    {
        // Contract sections 6 and 9: action ids are unique within their discussion. SD-1 is rejected by an action row's
        // unknown owner, SD-2 by its own bad heldOn cell; each repeats an action id, reported once, on the later row.
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02")
            .With("strategy-discussions.csv", "id,heldOn", "SD-1,2018-04-20", "SD-2,someday")
            .With("strategy-actions.csv", "discussionId,id,owner,dueOn",
                "SD-1,1,Nobody,2018-04-27",
                "SD-1,1,Police,2018-04-27",
                "SD-2,1,Police,2018-04-27",
                "SD-2,1,Police,2018-04-27");

        var problems = Engine.Partial(folder.Read()).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field, p.File, p.Line, p.Column)).Should().BeEquivalentTo(new (string?, int?, string, string?, int?, int?)[]
        {
            ("strategyDiscussions", 0, "actions[0].owner", "strategy-actions.csv", 2, 3),
            ("strategyDiscussions", 0, "actions[1].id", "strategy-actions.csv", 3, 2),
            ("strategyDiscussions", 1, "heldOn", "strategy-discussions.csv", 3, 2),
            ("strategyDiscussions", 1, "actions[1].id", "strategy-actions.csv", 5, 2),
        });
    }

    [Fact]
    public void ReadFolder_SourceSha256_IsTheHashOfTheJcsObjectOfEachSection9FilesHash()
    {
        using var folder = new CsvFolder()
            .With("teams.csv", "id", "T-1")
            .With("offenders.csv", "id,riskLevel,registeredOn", "A,Low,2015-03-02")
            .With("notes.csv", "ignored");
        static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        string FileHash(string name) => Hex(File.ReadAllBytes(Path.Combine(folder.Path, name)));
        var jcs = "{\"offenders.csv\":\"" + FileHash("offenders.csv") + "\",\"teams.csv\":\"" + FileHash("teams.csv") + "\"}";

        var result = folder.Read();

        result.SourceSha256.Should().Be(Hex(Encoding.UTF8.GetBytes(jcs)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadFolder_FilesOfSeveralMegabytes_SourceSha256IsTheHashOfTheJcsObjectOfEachFilesHash(bool visitsSplit)
    {
        // Files from a megabyte up are hashed on another thread while they are parsed, and a split visits.csv is hashed
        // while its two parts are read: the folder's hash is still the one section 8 defines.
        using var folder = new CsvFolder();
        SnapshotCsv.WriteFolder(SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 20_000, Seed = 5 }), folder.Path);
        static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        var files = Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        new FileInfo(Path.Combine(folder.Path, "offenders.csv")).Length.Should().BeGreaterThan(1 << 20);
        new FileInfo(Path.Combine(folder.Path, "visits.csv")).Length.Should().BeGreaterThan(1 << 20);
        var jcs = "{" + string.Join(",", files.Select(f => "\"" + f + "\":\"" + Hex(File.ReadAllBytes(Path.Combine(folder.Path, f!))) + "\"")) + "}";

        var result = CsvFolderReader.Read(folder.Path, visitsSplit ? 0 : long.MaxValue);

        result.Problems.Should().BeEmpty();
        result.SourceSha256.Should().Be(Hex(Encoding.UTF8.GetBytes(jcs)));
    }

    [Fact]
    public void InputProblem_ToStringWithAPlace_StartsWithFileLineAndColumn()
    {
        using var folder = new CsvFolder().With("offenders.csv", "id,riskLevel,registeredOn", "A,Severe,2015-03-02");

        var problem = folder.Read().Problems.Should().ContainSingle().Subject;

        problem.ToString().Should().Be("offenders.csv:2:2: offenders[0] (id A) riskLevel: unknown value; expected Low, Medium, High or VeryHigh");
    }
}
