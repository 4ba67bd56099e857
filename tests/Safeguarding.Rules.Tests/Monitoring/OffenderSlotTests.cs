using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// A loaded slot's visits and briefings are slices of one array shared by every slot: a visit recorded later must go
/// to an array of the slot's own, never into the shared array where the next offender's records are.
/// </summary>
public sealed class OffenderSlotTests
{
    private static readonly DateOnly Day = new(2018, 5, 1);

    [Fact]
    public void AddVisit_ToASharedSlice_KeepsTheSlotsRecordsAndLeavesItsNeighboursAlone()
    {
        Visit[] all = [Visit("RSO-1", 1), Visit("RSO-2", 2), Visit("RSO-2", 3), Visit("RSO-3", 4)];
        var (first, second, third) = (Entry("RSO-1"), Entry("RSO-2"), Entry("RSO-3"));
        first.ShareVisits(all, 0, 1);
        second.ShareVisits(all, 1, 2);
        third.ShareVisits(all, 3, 1);
        var added = Enumerable.Range(5, 6).Select(static d => Visit("RSO-2", d)).ToList();

        foreach (var visit in added)
        {
            second.AddVisit(visit);
        }

        first.AddVisit(Visit("RSO-1", 11));

        second.Visits.ToArray().Should().Equal([all[1], all[2], .. added]);
        first.Visits.ToArray().Select(static v => v.Date.Day).Should().Equal(1, 11);
        third.Visits.ToArray().Should().Equal(all[3]);
        all.Select(static v => v.Date.Day).Should().Equal([1, 2, 3, 4], "the shared array is never written after the load");
    }

    [Fact]
    public void AddBriefing_ToASlotWithNoSharedBriefings_StartsItsOwn()
    {
        Briefing[] all = [new Briefing { OffenderId = "RSO-1", NeighbourhoodId = "N-1", Date = Day }];
        var (first, second) = (Entry("RSO-1"), Entry("RSO-2"));
        first.ShareBriefings(all, 0, 1);
        second.ShareBriefings(all, 1, 0);

        second.AddBriefing(new Briefing { OffenderId = "RSO-2", NeighbourhoodId = "N-2", Date = Day });

        second.Briefings.ToArray().Select(static b => b.NeighbourhoodId).Should().Equal("N-2");
        first.Briefings.ToArray().Should().Equal(all);
    }

    [Fact]
    public void AddVisitAndBriefing_ToASlotAsANewArrayHoldsIt_StartTheSlotsOwn()
    {
        // A load writes only what differs from an empty slot into its new array: the default slot has no records.
        var slots = new OffenderSlot[2];
        slots[0].Visits.Length.Should().Be(0);
        slots[0].Briefings.Length.Should().Be(0);

        slots[0].AddVisit(Visit("RSO-1", 1));
        slots[0].AddVisit(Visit("RSO-1", 2));
        slots[0].AddBriefing(new Briefing { OffenderId = "RSO-1", NeighbourhoodId = "N-1", Date = Day });

        slots[0].Visits.ToArray().Select(static v => v.Date.Day).Should().Equal(1, 2);
        slots[0].Briefings.ToArray().Select(static b => b.NeighbourhoodId).Should().Equal("N-1");
        slots[1].Visits.Length.Should().Be(0);
        slots[1].Briefings.Length.Should().Be(0);
    }

    private static OffenderSlot Entry(string id) => new(new Offender { Id = id, RiskLevel = RiskLevel.Medium, RegisteredOn = Day.AddDays(-100) });

    private static Visit Visit(string offenderId, int day) => new() { OffenderId = offenderId, Date = new DateOnly(2018, 4, day), Outcome = VisitOutcome.Completed };
}
