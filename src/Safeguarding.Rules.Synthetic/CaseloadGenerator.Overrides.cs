using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Synthetic;

/// <summary>Overrides (contract section 8), drawn from a random stream of their own after every other record.</summary>
internal sealed partial class CaseloadGenerator
{
    /// <summary>Mixed into the seed for the overrides' stream, so it is independent of the main one.</summary>
    private const ulong OverrideStream = 0x6F76_6572_7269_6465; // "override"

    private static readonly string[] ReasonCodes = ["IN_HOSPITAL", "ABROAD_AUTHORISED", "RESIDENCE_CHANGE", "COURT_ORDER"];

    private List<Override> GenerateOverrides(List<Offender> offenders)
    {
        var overrides = new List<Override>();
        if (_options.OverridesPerThousand == 0)
        {
            return overrides;
        }

        var random = new DeterministicRandom(_options.Seed ^ OverrideStream);
        foreach (var offender in offenders)
        {
            if (!random.Chance(_options.OverridesPerThousand))
            {
                continue;
            }

            var findingId = random.Next(5) switch
            {
                0 => "VisitDueSoon:" + offender.Id,
                1 => "RepeatedNoAccess:" + offender.Id,
                2 => "RiskReviewOverdue:" + offender.Id,
                3 when offender.NeighbourhoodId is { } neighbourhood => "NeighbourhoodNotBriefed:" + offender.Id + ":" + neighbourhood,
                _ => "VisitOverdue:" + offender.Id,
            };

            // One or two: a second one shares the finding, sometimes with the same until (snapshot order then decides).
            var first = Draw(random, offender, findingId, overrides.Count, null);
            overrides.Add(first);
            if (random.Chance(250))
            {
                overrides.Add(Draw(random, offender, findingId, overrides.Count, random.Chance(500) ? first.Until : null));
            }
        }

        return overrides;
    }

    /// <summary>An override starting up to 80 days before the as-of date or up to 10 after, of 1-90 days (or ending on <paramref name="until"/>).</summary>
    private Override Draw(DeterministicRandom random, Offender offender, string findingId, int number, DateOnly? until)
    {
        var from = _options.AsOf.AddDays(random.Next(-80, 11));
        var end = until is { } fixedEnd && fixedEnd >= from && fixedEnd.DayNumber - from.DayNumber < 90 ? fixedEnd : from.AddDays(random.Next(90));
        return new Override
        {
            Id = "OV-" + (number + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            FindingId = findingId,
            ReasonCode = ReasonCodes[random.Next(ReasonCodes.Length)],
            AuthorisedBy = offender.ManagerId ?? "DS-0001",
            From = from,
            Until = end,
        };
    }
}
