using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

public sealed class SyntheticCaseloadTests
{
    private static readonly DateOnly DefaultAsOf = new(2018, 5, 1);

    [Fact]
    public void Generate_SameSeedTwice_GivesEqualRecordsInTheSameOrder()
    {
        var first = SyntheticCaseload.Generate(3000, seed: 77);
        var second = SyntheticCaseload.Generate(3000, seed: 77);

        second.AsOf.Should().Be(first.AsOf);
        second.SchemaVersion.Should().Be(first.SchemaVersion);
        second.Teams.Should().Equal(first.Teams);
        second.Managers.Should().Equal(first.Managers);
        second.Offenders.Should().Equal(first.Offenders);
        second.Visits.Should().Equal(first.Visits);
        second.Briefings.Should().Equal(first.Briefings);
    }

    [Fact]
    public void Generate_SameOptionsTwice_GivesEqualRecords()
    {
        var options = new SyntheticCaseloadOptions { Offenders = 500, Seed = 9, AsOf = new DateOnly(2024, 3, 31), VisitsPerOffender = 6 };

        var first = SyntheticCaseload.Generate(options);
        var second = SyntheticCaseload.Generate(options);

        second.Offenders.Should().Equal(first.Offenders);
        second.Visits.Should().Equal(first.Visits);
        second.Briefings.Should().Equal(first.Briefings);
        second.Managers.Should().Equal(first.Managers);
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentSnapshots()
    {
        var first = SyntheticCaseload.Generate(1000, seed: 1);
        var second = SyntheticCaseload.Generate(1000, seed: 2);

        second.Offenders.Should().NotEqual(first.Offenders);
        second.Visits.Should().NotEqual(first.Visits);
    }

    [Fact]
    public void Generate_DefaultOptions_Has2000OffendersAsOfTheInspection()
    {
        var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions());

        snapshot.Offenders.Should().HaveCount(2000);
        snapshot.AsOf.Should().Be(DefaultAsOf);
        snapshot.SchemaVersion.Should().Be(1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(12_345)]
    public void Generate_AnyCount_HasExactlyThatManyOffenders(int offenders)
    {
        var snapshot = SyntheticCaseload.Generate(offenders);

        snapshot.Offenders.Should().HaveCount(offenders);
        snapshot.Managers.Should().NotBeEmpty();
        snapshot.Teams.Should().NotBeEmpty();
    }

    [Fact]
    public void Generate_ZeroOffenders_IsEmpty()
    {
        var snapshot = SyntheticCaseload.Generate(0);

        snapshot.Offenders.Should().BeEmpty();
        snapshot.Visits.Should().BeEmpty();
        snapshot.Briefings.Should().BeEmpty();
        snapshot.Managers.Should().BeEmpty();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void Generate_VisitsPerOffender_AverageIsNearTheOption(int visitsPerOffender)
    {
        var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 10_000, VisitsPerOffender = visitsPerOffender });

        var average = (double)snapshot.Visits.Count / snapshot.Offenders.Count;

        average.Should().BeInRange(visitsPerOffender * 0.75, visitsPerOffender * 1.25);
    }

    [Fact]
    public void Generate_Ids_FollowTheNamingScheme()
    {
        var snapshot = SyntheticCaseload.Generate(2000);

        snapshot.Offenders[0].Id.Should().Be("RSO-000001");
        snapshot.Offenders[^1].Id.Should().Be("RSO-002000");
        snapshot.Managers[0].Id.Should().Be("OM-0001");
        snapshot.Teams![0].Id.Should().Be("T-001");
        snapshot.Offenders.Where(o => o.NeighbourhoodId is not null).Should().OnlyContain(o => o.NeighbourhoodId!.StartsWith("NPT-", StringComparison.Ordinal) && o.NeighbourhoodId.Length == 7);
    }

    [Theory]
    [InlineData(0, "RSO-", 6, "RSO-000000")]
    [InlineData(42, "OM-", 4, "OM-0042")]
    [InlineData(1_000_000, "RSO-", 6, "RSO-1000000")]
    [InlineData(123, "T-", 3, "T-123")]
    public void Format_Number_PadsWithAsciiDigits(int number, string prefix, int minDigits, string expected)
    {
        SyntheticIds.Format(prefix, number, minDigits).Should().Be(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(2000)]
    [InlineData(20_000)]
    [InlineData(250_000)]
    public void Generate_AnySize_IsValidPerTheContract(int offenders)
    {
        var snapshot = SyntheticCaseload.Generate(offenders, seed: 3);

        SnapshotChecks.ContractViolations(snapshot).Should().BeEmpty();
    }

    [Fact]
    public void Generate_ManySeeds_AreAllValid()
    {
        for (ulong seed = 100; seed < 120; seed++)
        {
            var snapshot = SyntheticCaseload.Generate(300, seed);

            SnapshotChecks.ContractViolations(snapshot).Should().BeEmpty($"seed {seed} must give a valid snapshot");
        }
    }

    [Fact]
    public void Generate_ExtremeShares_StayValid()
    {
        var options = new SyntheticCaseloadOptions
        {
            Offenders = 3000,
            Seed = 5,
            OffendersPerManager = 6,
            ManagersPerTeam = 1,
            OffendersPerNeighbourhood = 1,
            VisitsPerOffender = 50,
            InCustodyPerThousand = 1000,
            UnallocatedPerThousand = 1000,
            PlanIntervalPerThousand = 1000,
            ReactiveAboveLowPerThousand = 1000,
            NeighbourhoodMovesPerThousand = 1000,
            FutureRecordsPerThousand = 1000,
            OverduePerThousand = 1000,
            RepeatedNoAccessPerThousand = 1000,
        };

        var snapshot = SyntheticCaseload.Generate(options);

        SnapshotChecks.ContractViolations(snapshot).Should().BeEmpty();
        snapshot.Offenders.Where(o => o.RegisteredOn <= snapshot.AsOf!.Value).Should().OnlyContain(o => o.InCustody && o.ManagerId == null);
    }

    [Fact]
    public void Generate_Dates_AreOnOrBeforeAsOfExceptTheDeliberateFewAndTheNotYetRegistered()
    {
        var snapshot = SyntheticCaseload.Generate(20_000);
        var asOf = snapshot.AsOf!.Value;
        var registered = snapshot.Offenders.Where(o => o.RegisteredOn <= asOf).ToList();
        var notYetRegistered = snapshot.Offenders.Where(o => o.RegisteredOn > asOf).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

        registered.Should().OnlyContain(o => (o.RiskAssessedOn == null || o.RiskAssessedOn <= asOf)
            && (o.ReleasedOn == null || o.ReleasedOn <= asOf)
            && (o.MovedIntoNeighbourhoodOn == null || o.MovedIntoNeighbourhoodOn <= asOf));

        var lateVisits = snapshot.Visits.Count(v => v.Date > asOf);
        var lateBriefings = snapshot.Briefings.Count(b => b.Date > asOf && !notYetRegistered.Contains(b.OffenderId));
        lateVisits.Should().BeGreaterThan(0).And.BeLessThan(snapshot.Visits.Count / 100);
        lateBriefings.Should().BeGreaterThan(0).And.BeLessThan(snapshot.Briefings.Count / 100);
        snapshot.Visits.Where(v => notYetRegistered.Contains(v.OffenderId)).Should().BeEmpty();
    }

    [Fact]
    public void Generate_RecordDates_AreConsistentWithRegistration()
    {
        var snapshot = SyntheticCaseload.Generate(10_000, seed: 4);

        snapshot.Offenders.Should().OnlyContain(o => (o.ReleasedOn == null || o.ReleasedOn >= o.RegisteredOn)
            && (o.RiskAssessedOn == null || o.RiskAssessedOn >= o.RegisteredOn)
            && (o.MovedIntoNeighbourhoodOn == null || o.MovedIntoNeighbourhoodOn >= o.RegisteredOn));
        snapshot.Offenders.Should().OnlyContain(o => o.RegisteredOn >= snapshot.AsOf!.Value.AddYears(-16));
    }

    [Fact]
    public void Generate_Visits_AreGroupedByOffenderInOffenderOrderAndDateOrder()
    {
        var snapshot = SyntheticCaseload.Generate(5000, seed: 8);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Offenders.Count; i++)
        {
            position[snapshot.Offenders[i].Id] = i;
        }

        for (var i = 1; i < snapshot.Visits.Count; i++)
        {
            var previous = snapshot.Visits[i - 1];
            var current = snapshot.Visits[i];
            var order = position[previous.OffenderId].CompareTo(position[current.OffenderId]);
            order.Should().BeLessThanOrEqualTo(0, "visits are grouped by offender in offender order");
            if (order == 0)
            {
                current.Date.Should().BeOnOrAfter(previous.Date, "an offender's visits are in date order");
            }
        }
    }

    [Fact]
    public void Generate_NegativeOffenders_Throws()
    {
        var act = () => SyntheticCaseload.Generate(-1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Generate_NullOptions_Throws()
    {
        var act = () => SyntheticCaseload.Generate(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Generate_SharesAddingUpPastAThousand_Throws()
    {
        var options = new SyntheticCaseloadOptions { HighRiskPerThousand = 900, MediumRiskPerThousand = 200 };

        var act = () => SyntheticCaseload.Generate(options);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(SyntheticCaseloadOptions.MediumRiskPerThousand));
    }

    [Theory]
    [InlineData(5, 6, 4)]
    [InlineData(55, 0, 4)]
    [InlineData(55, 6, 0)]
    public void Validate_OutOfRangeSizes_Throws(int perManager, int perTeam, int visits)
    {
        var options = new SyntheticCaseloadOptions { OffendersPerManager = perManager, ManagersPerTeam = perTeam, VisitsPerOffender = visits };

        var act = options.Validate;

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
