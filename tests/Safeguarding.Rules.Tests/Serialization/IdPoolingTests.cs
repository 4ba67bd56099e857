using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>
/// The snapshot reader keeps one string per distinct id (<see cref="Utf8StringPool"/>): the ids must read exactly as
/// written whatever their text, and records naming the same id share its string.
/// </summary>
public sealed class IdPoolingTests
{
    [Fact]
    public void Read_IdNamedByOtherRecords_IsOneStringInstance()
    {
        var read = JsonText.Read("""
            {
              "managers": [ { "id": "OM-1" } ],
              "offenders": [
                { "id": "RSO-1", "managerId": "OM-1", "neighbourhoodId": "N-1", "riskLevel": "Low", "registeredOn": "2017-01-01" },
                { "id": "RSO-2", "managerId": "OM-1", "neighbourhoodId": "N-1", "riskLevel": "Low", "registeredOn": "2017-01-01" }
              ],
              "visits": [
                { "offenderId": "RSO-2", "date": "2018-01-01", "outcome": "Completed" },
                { "offenderId": "RSO-1", "date": "2018-01-02", "outcome": "Completed" },
                { "offenderId": "RSO-2", "date": "2018-01-03", "outcome": "Completed" }
              ],
              "briefings": [ { "offenderId": "RSO-1", "neighbourhoodId": "N-1", "date": "2018-01-01" } ]
            }
            """);

        var (first, second) = (read.Snapshot.Offenders[0], read.Snapshot.Offenders[1]);
        read.Problems.Should().BeEmpty();
        first.ManagerId.Should().BeSameAs(read.Snapshot.Managers[0].Id);
        second.ManagerId.Should().BeSameAs(first.ManagerId);
        second.NeighbourhoodId.Should().BeSameAs(first.NeighbourhoodId);
        read.Snapshot.Visits.Select(v => v.OffenderId).Should().SatisfyRespectively(
            id => id.Should().BeSameAs(second.Id),
            id => id.Should().BeSameAs(first.Id),
            id => id.Should().BeSameAs(second.Id));
        read.Snapshot.Briefings[0].OffenderId.Should().BeSameAs(first.Id);
        read.Snapshot.Briefings[0].NeighbourhoodId.Should().BeSameAs(first.NeighbourhoodId);
    }

    [Fact]
    public void Read_TeamAndCustodySuiteIds_AreOneStringInstanceAcrossArrays()
    {
        var read = JsonText.Read("""
            {
              "schemaVersion": 2,
              "teams": [ { "id": "T-1" }, { "id": "T-2" } ],
              "managers": [ { "id": "OM-1", "teamId": "T-2" }, { "id": "OM-2", "teamId": "T-1" } ],
              "offenders": [],
              "strategyDiscussions": [ { "id": "SD-1", "teamId": "T-1", "heldOn": "2018-04-20", "actions": [] } ],
              "detentions": [
                { "id": "CUS-1", "custodySuiteId": "CS-1", "juvenile": false, "authorisedAt": "2018-04-30T21:15:00Z", "interviews": [] },
                { "id": "CUS-2", "custodySuiteId": "CS-1", "juvenile": false, "authorisedAt": "2018-04-30T22:15:00Z", "interviews": [] }
              ],
              "policeProtections": [ { "id": "PP-1", "teamId": "T-2", "startedAt": "2018-04-29T10:00:00Z" } ]
            }
            """);

        read.Problems.Should().BeEmpty();
        var teams = read.Snapshot.Teams!;
        read.Snapshot.Managers[0].TeamId.Should().BeSameAs(teams[1].Id);
        read.Snapshot.Managers[1].TeamId.Should().BeSameAs(teams[0].Id);
        read.Snapshot.StrategyDiscussions[0].TeamId.Should().BeSameAs(teams[0].Id);
        read.Snapshot.PoliceProtections[0].TeamId.Should().BeSameAs(teams[1].Id);
        read.Snapshot.Detentions[1].CustodySuiteId.Should().BeSameAs(read.Snapshot.Detentions[0].CustodySuiteId);
    }

    [Fact]
    public void Read_SameTextNamingDifferentThings_ReadsAsWrittenInEachField()
    {
        // Ids are pooled by what they name; one text naming a manager, an offender, a neighbourhood and a team is still
        // that text in every field, and every reference still resolves.
        var read = JsonText.Read("""
            {
              "teams": [ { "id": "X-1" } ],
              "managers": [ { "id": "X-1", "teamId": "X-1" } ],
              "offenders": [ { "id": "X-1", "managerId": "X-1", "neighbourhoodId": "X-1", "riskLevel": "Low", "registeredOn": "2017-01-01" } ],
              "visits": [ { "offenderId": "X-1", "date": "2018-01-01", "outcome": "Completed" } ],
              "briefings": [ { "offenderId": "X-1", "neighbourhoodId": "X-1", "date": "2018-01-01" } ]
            }
            """);

        read.Problems.Should().BeEmpty();
        var offender = read.Snapshot.Offenders.Should().ContainSingle().Subject;
        new[] { offender.Id, offender.ManagerId, offender.NeighbourhoodId, read.Snapshot.Managers[0].Id, read.Snapshot.Managers[0].TeamId, read.Snapshot.Teams![0].Id }
            .Should().AllBe("X-1");
        read.Snapshot.Visits[0].OffenderId.Should().BeSameAs(offender.Id);
        read.Snapshot.Briefings[0].NeighbourhoodId.Should().BeSameAs(offender.NeighbourhoodId);
        var report = new SafeguardingEngine().Evaluate(read, new EvaluationOptions { AsOf = new DateOnly(2018, 5, 1) });
        report.Findings.Should().NotContain(f => f.Kind == FindingKinds.DataQuality);
        report.Summary.Evaluated.Should().Be(1);
    }

    [Theory]
    [InlineData("\"RSO-\u00e9\u00e8\"", "RSO-\u00e9\u00e8")]
    [InlineData("\"RSO\\u002D1\"", "RSO-1")]
    [InlineData("\"\"", "")]
    [InlineData("\"RSO-0123456789012345678901234567890123456789012345678901234567890123456789\"", "RSO-0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Read_IdOfAnyText_ReadsAsWritten(string json, string expected)
    {
        var read = JsonText.Read("""{ "offenders": [ { "id": """ + json + """, "riskLevel": "Low", "registeredOn": "2017-01-01" } ], "visits": [ { "offenderId": """ + json + """, "date": "2018-01-01", "outcome": "Completed" } ] }""");

        read.Snapshot.Offenders.Should().ContainSingle().Which.Id.Should().Be(expected);
        read.Snapshot.Visits.Should().ContainSingle().Which.OffenderId.Should().Be(expected);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(700)]
    [InlineData(8192)]
    public void Get_ManyDistinctIdsInAnyOrder_EachReadsAsWrittenAndRepeatsShareOneString(int expected)
    {
        // Sized below, at and above the 5,000 ids added: it grows, or holds them all from the start.
        var pool = expected < 0 ? new Utf8StringPool() : new Utf8StringPool(expected);
        var ids = Enumerable.Range(0, 5000).Select(i => "RSO-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var (insertAt, reverseAt, shuffledAt) = (0, 0, 0);

        var first = ids.Select(id => pool.Get(JsonText.Utf8(id), ref insertAt)).ToList();
        var reversed = Enumerable.Reverse(ids).Select(id => pool.Get(JsonText.Utf8(id), ref reverseAt)).Reverse().ToList();
        var shuffled = ids.Select((id, i) => (id, i)).OrderBy(x => (x.i * 7919) % ids.Count).Select(x => (x.i, Text: pool.Get(JsonText.Utf8(x.id), ref shuffledAt))).OrderBy(x => x.i).Select(x => x.Text).ToList();

        first.Should().Equal(ids);
        for (var i = 0; i < ids.Count; i++)
        {
            reversed[i].Should().BeSameAs(first[i]);
            shuffled[i].Should().BeSameAs(first[i]);
        }
    }

    [Fact]
    public void Get_IdsAlikeInTheirFirstBytesOrLength_AreNeverTakenForEachOther()
    {
        // The pool compares a short id by a copy of its bytes and its length, and a longer one by its string as well:
        // ids that share a prefix across that boundary, or differ only by a trailing NUL (a CSV cell can hold one), stay apart.
        var ids = new List<string> { "AB", "AB\0", "AB\0\0", string.Empty.PadRight(7, 'x'), string.Empty.PadRight(8, 'x'), "RSO-00000000001", "RSO-00000000002" };
        foreach (var length in new[] { 14, 15, 16, 17, 31, 48 })
        {
            ids.Add("P".PadRight(length - 1, '0') + "1");
            ids.Add("P".PadRight(length - 1, '0') + "2");
            ids.Add("P".PadRight(length, '0'));
        }

        var pool = new Utf8StringPool();
        var (at, again, found) = (0, 0, 0);
        var first = ids.Select(id => pool.Get(id.AsSpan(), ref at)).ToList();
        var second = ids.Select(id => pool.Get(JsonText.Utf8(id), ref again)).ToList();

        first.Should().Equal(ids);
        first.Should().OnlyHaveUniqueItems();
        for (var i = 0; i < ids.Count; i++)
        {
            second[i].Should().BeSameAs(first[i], "the id {0} was pooled once", ids[i]);
            pool.Find(ids[i].AsSpan(), ref found).Should().BeSameAs(first[i]);
        }

        pool.Find("AB\0\0\0".AsSpan(), ref found).Should().BeNull();
        pool.Find(("P".PadRight(16, '0') + "3").AsSpan(), ref found).Should().BeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GetDeclared_IdsLookedUpInAnyOrderAfterwards_AreTheDeclaredStrings(bool namedBeforeDeclared)
    {
        // Declared ids skip the table until a look-up needs it; ids named before their declaration (visits listed
        // before offenders) must still be the one string, and so must ids 16 bytes or longer, hashed another way.
        var pool = new Utf8StringPool();
        var ids = Enumerable.Range(0, 3000).Select(i => (i % 3 == 0 ? "urn:force:rso:" : "RSO-") + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var (declaredAt, namedAt, foundAt) = (0, 0, 0);
        var named = namedBeforeDeclared ? pool.Get(JsonText.Utf8(ids[1500]), ref namedAt) : null;

        var declared = ids.Select(id => pool.GetDeclared(JsonText.Utf8(id), ref declaredAt)).ToList();
        var duplicate = pool.GetDeclared(JsonText.Utf8(ids[7]), ref declaredAt);
        var shuffled = ids.Select((id, i) => (id, i)).OrderBy(x => (x.i * 7919) % ids.Count).Select(x => (x.i, Text: pool.Get(JsonText.Utf8(x.id), ref namedAt))).OrderBy(x => x.i).Select(x => x.Text).ToList();

        declared.Should().Equal(ids);
        duplicate.Should().Be(ids[7], "a repeated declaration reads as written (the checks report it)");
        named?.Should().BeSameAs(declared[1500]);
        for (var i = 0; i < ids.Count; i++)
        {
            shuffled[i].Should().BeSameAs(declared[i], "{0} was declared once", ids[i]);
        }

        var later = new Utf8StringPool();
        var fresh = ids.Select(id => later.GetDeclared(JsonText.Utf8(id), ref foundAt)).ToList();
        later.TableAll();
        foundAt = 0;
        var found = ids.Select((id, i) => (id, i)).OrderBy(x => (x.i * 7919) % ids.Count).Select(x => (x.i, Text: later.Find(x.id.AsSpan(), ref foundAt))).OrderBy(x => x.i).Select(x => x.Text).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            found[i].Should().BeSameAs(fresh[i], "Find looks in the table, where TableAll put {0}", ids[i]);
        }
    }

    [Fact]
    public void IdPools_KeepEachKindApart_AndFindNeverAdds()
    {
        var pools = new IdPools(expectedOffenders: 10);
        var (at, other) = (0, 0);

        pools.Find(IdKind.Manager, "OM-1", ref at).Should().BeNull("no manager id was read yet");
        var manager = pools.Get(IdKind.Manager, "OM-1", ref at);
        var team = pools.Get(IdKind.Team, "OM-1", ref other);

        manager.Should().Be("OM-1");
        team.Should().Be("OM-1").And.NotBeSameAs(manager, "a team's id is pooled with the teams'");
        pools.Find(IdKind.Manager, "OM-1", ref at).Should().BeSameAs(manager);
        pools.Find(IdKind.Neighbourhood, "OM-1", ref other).Should().BeNull();
        pools.Find(IdKind.Neighbourhood, "OM-1", ref other).Should().BeNull("Find adds nothing");
    }
}
