using Safeguarding.Rules.Csv.Tests.Support;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>The folder reader keeps one string per distinct id, across files: ids read as written, repeats share one string.</summary>
public sealed class IdPoolingTests
{
    [Fact]
    public void ReadFolder_IdNamedInSeveralFiles_IsOneStringInstanceReadAsWritten()
    {
        using var folder = new CsvFolder()
            .With("managers.csv", "id,teamId", "OM-1,T-1")
            .With("offenders.csv", "id,managerId,neighbourhoodId,riskLevel,registeredOn",
                "RSO-1,OM-1,N-\u00e9,Low,2017-01-01", "RSO-2,OM-1,N-\u00e9,Low,2017-01-01", "\"RSO,3\",OM-1,N-1,Low,2017-01-01")
            .With("visits.csv", "offenderId,date,outcome", "RSO-2,2018-01-01,Completed", "RSO-1,2018-01-02,Completed", "\"RSO,3\",2018-01-03,Completed")
            .With("briefings.csv", "offenderId,neighbourhoodId,date", "RSO-1,N-1,2018-01-01");

        var read = folder.Read();

        read.Problems.Should().BeEmpty();
        var offenders = read.Snapshot.Offenders;
        offenders.Select(o => o.Id).Should().Equal("RSO-1", "RSO-2", "RSO,3");
        offenders.Select(o => o.NeighbourhoodId).Should().Equal("N-\u00e9", "N-\u00e9", "N-1");
        offenders[0].ManagerId.Should().BeSameAs(read.Snapshot.Managers[0].Id);
        offenders[1].ManagerId.Should().BeSameAs(offenders[0].ManagerId);
        read.Snapshot.Visits[0].OffenderId.Should().BeSameAs(offenders[1].Id);
        read.Snapshot.Visits[1].OffenderId.Should().BeSameAs(offenders[0].Id);
        read.Snapshot.Visits[2].OffenderId.Should().Be("RSO,3");
        read.Snapshot.Briefings[0].OffenderId.Should().BeSameAs(offenders[0].Id);
        read.Snapshot.Briefings[0].NeighbourhoodId.Should().BeSameAs(offenders[2].NeighbourhoodId);
    }

    [Fact]
    public void ReadFolder_TeamAndCustodySuiteIds_AreOneStringInstanceAcrossFiles()
    {
        using var folder = new CsvFolder()
            .With("teams.csv", "id", "T-1", "T-2")
            .With("managers.csv", "id,teamId", "OM-1,T-2", "OM-2,T-1")
            .With("offenders.csv", "id,managerId,neighbourhoodId,riskLevel,registeredOn")
            .With("strategy-discussions.csv", "id,teamId,heldOn", "SD-1,T-1,2018-04-20")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,false,2018-04-30T20:00Z", "D-2,CS-1,false,2018-04-30T21:00Z")
            .With("police-protections.csv", "id,teamId,startedAt", "PP-1,T-2,2018-04-29T10:00Z");

        var read = folder.Read();

        read.Problems.Should().BeEmpty();
        var teams = read.Snapshot.Teams!;
        read.Snapshot.Managers[0].TeamId.Should().BeSameAs(teams[1].Id);
        read.Snapshot.Managers[1].TeamId.Should().BeSameAs(teams[0].Id);
        read.Snapshot.StrategyDiscussions[0].TeamId.Should().BeSameAs(teams[0].Id);
        read.Snapshot.PoliceProtections[0].TeamId.Should().BeSameAs(teams[1].Id);
        read.Snapshot.Detentions[1].CustodySuiteId.Should().BeSameAs(read.Snapshot.Detentions[0].CustodySuiteId);
    }

    [Fact]
    public void ReadFolder_SameTextNamingDifferentThings_ReadsAsWrittenInEachColumn()
    {
        using var folder = new CsvFolder()
            .With("teams.csv", "id", "X-1")
            .With("managers.csv", "id,teamId", "X-1,X-1")
            .With("offenders.csv", "id,managerId,neighbourhoodId,riskLevel,registeredOn", "X-1,X-1,X-1,Low,2017-01-01")
            .With("visits.csv", "offenderId,date,outcome", "X-1,2018-01-01,Completed")
            .With("briefings.csv", "offenderId,neighbourhoodId,date", "X-1,X-1,2018-01-01");

        var read = folder.Read();

        read.Problems.Should().BeEmpty();
        var offender = read.Snapshot.Offenders.Should().ContainSingle().Subject;
        new[] { offender.Id, offender.ManagerId, offender.NeighbourhoodId, read.Snapshot.Managers[0].Id, read.Snapshot.Managers[0].TeamId, read.Snapshot.Teams![0].Id }
            .Should().AllBe("X-1");
        read.Snapshot.Visits[0].OffenderId.Should().BeSameAs(offender.Id);
        read.Snapshot.Briefings[0].NeighbourhoodId.Should().BeSameAs(offender.NeighbourhoodId);
    }
}
