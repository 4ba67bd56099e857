using Safeguarding.Rules.Csv.Reading;
using Safeguarding.Rules.Csv.Tests.Support;

namespace Safeguarding.Rules.Csv.Tests;

/// <summary>
/// A large <c>visits.csv</c> is read on another thread while the other files are read: the result is still the one a
/// reading of one file after another gives (problems in the files' order, ids one string across files).
/// </summary>
public sealed class ParallelReadingTests
{
    [Fact]
    public void ReadFolder_VisitsReadAside_ProblemsInTheFilesOrderAndIdsShared()
    {
        // Enough visit rows to pass the size at which visits.csv is read on another thread.
        var visits = new List<string> { "offenderId,date,outcome", "RSO-1,2018-01-01,Completed", "RSO-2,2018-02-30,Completed" };
        while (visits.Count < 45_000)
        {
            visits.Add("RSO-2,2018-01-02,Completed");
        }

        visits.Add("RSO-1,2018-01-03,Visited");
        using var folder = new CsvFolder()
            .With("offenders.csv", "id,managerId,riskLevel,registeredOn", "RSO-1,OM-1,Low,2017-01-01", "RSO-2,OM-1,Low,2017-01-01", "RSO-3,OM-1,Lowest,2017-01-01")
            .With("managers.csv", "id,teamId", "OM-1,T-1")
            .With("visits.csv", [.. visits])
            .With("briefings.csv", "offenderId,neighbourhoodId,date", "RSO-2,N-1,2018-13-01")
            .With("detentions.csv", "id,custodySuiteId,juvenile,authorisedAt", "D-1,CS-1,maybe,2018-01-01T10:00Z");
        new FileInfo(Path.Combine(folder.Path, "visits.csv")).Length.Should().BeGreaterThanOrEqualTo(CsvFolderReader.ReadAsideBytes);

        var read = folder.Read();

        read.Problems.Select(static p => (p.File, p.Line, p.Field)).Should().Equal(
            ("offenders.csv", 4, "riskLevel"),
            ("visits.csv", 3, "date"),
            ("visits.csv", 45_001, "outcome"),
            ("briefings.csv", 2, "date"),
            ("detentions.csv", 2, "juvenile"));
        var offenders = read.Snapshot.Offenders;
        read.Snapshot.Visits.Should().HaveCount(44_998);
        read.Snapshot.Visits[0].OffenderId.Should().BeSameAs(offenders[0].Id);
        read.Snapshot.Visits[^1].OffenderId.Should().BeSameAs(offenders[1].Id);
        offenders[1].ManagerId.Should().BeSameAs(read.Snapshot.Managers[0].Id);
    }
}
