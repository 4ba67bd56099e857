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
}
