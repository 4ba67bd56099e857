using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Tests.Explanations;

/// <summary>
/// Strategy discussions, detentions and police protections drawn around an evaluation's as-of date and instant, so that
/// waits, durations and due dates fall on both sides of every child-protection limit (the explanation property test's
/// own generator: the synthetic generator's records are another helper's, and these aim at the boundaries).
/// </summary>
internal static class ChildProtectionRecords
{
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-5), TimeSpan.FromMinutes(330)];

    private static readonly ActionOwner[] Owners = System.Enum.GetValues<ActionOwner>();

    /// <summary>The appropriate adult's alert and inspector limits, in minutes, of the default policy (120, 240) and the property test's stricter one (90, 200).</summary>
    private static readonly int[] AppropriateAdultLimits = [90, 120, 200, 240];

    /// <summary>The police protection maximum in minutes: 72 h by default, 48 h in the stricter policy.</summary>
    private static readonly int[] ProtectionLimits = [48 * 60, 72 * 60];

    /// <summary>The local authority's inform limit in minutes: 240 by default, 120 in the stricter policy.</summary>
    private static readonly int[] InformLimits = [120, 240];

    /// <summary>Adds records to <paramref name="snapshot"/>; with <paramref name="invalid"/> a few are invalid (rejected with partial results).</summary>
    /// <param name="snapshot">The caseload.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="asOf">The as-of date the records are drawn around (the evaluation's).</param>
    /// <param name="invalid">Whether to add invalid records and a duplicated id.</param>
    /// <param name="overrideKinds">Kinds to add active overrides of (some findings of theirs are then suppressed).</param>
    public static CaseloadSnapshot With(CaseloadSnapshot snapshot, int seed, DateOnly asOf, bool invalid, IReadOnlyCollection<string> overrideKinds)
    {
        var random = new Random(seed);
        var t = AsOfInstant.EndOf(asOf);
        var teams = snapshot.Teams?.Select(static team => team.Id).ToArray() ?? [];
        string? Team() => teams.Length == 0 || random.Next(4) == 0 ? null : teams[random.Next(teams.Length)];
        DateTimeOffset At(DateTimeOffset instant) => instant.ToOffset(Offsets[random.Next(Offsets.Length)]);

        // Half the waits and durations sit on a limit of the default or the stricter test policy, a minute either side,
        // sometimes with 30 seconds more (whole minutes are floored); the rest anywhere in the range.
        int Minutes(int[] limits, int from, int to) => random.Next(2) == 0
            ? limits[random.Next(limits.Length)] + random.Next(-1, 2)
            : random.Next(from, to);
        TimeSpan Seconds() => TimeSpan.FromSeconds(random.Next(4) == 0 ? 30 : 0);

        var discussions = new List<StrategyDiscussion>();
        for (var i = random.Next(0, 10); i > 0; i--)
        {
            var held = asOf.AddDays(random.Next(-12, 3));
            var actions = Enumerable.Range(1, random.Next(0, 4)).Select(n =>
            {
                var due = held.AddDays(random.Next(-2, 10));
                return new StrategyAction
                {
                    Id = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Owner = random.Next(3) == 0 ? Owners[random.Next(Owners.Length)] : ActionOwner.Police,
                    DueOn = due,
                    CompletedOn = random.Next(2) == 0 ? null : due.AddDays(random.Next(-3, 5)),
                };
            }).ToList();
            discussions.Add(new StrategyDiscussion
            {
                Id = "SD-" + discussions.Count,
                TeamId = Team(),
                HeldOn = held,
                OutcomeRecordedOn = random.Next(2) == 0 ? null : held.AddDays(random.Next(0, 6)),
                Actions = actions,
            });
        }

        var detentions = new List<Detention>();
        for (var i = random.Next(0, 10); i > 0; i--)
        {
            var authorised = t.AddMinutes(-Minutes(AppropriateAdultLimits, -90, 600)) - Seconds();
            var interviews = Enumerable.Range(0, random.Next(0, 4)).Select(n => new Interview
            {
                StartedAt = At(authorised.AddMinutes((n * 250) + random.Next(0, 240))),
                AppropriateAdultPresent = random.Next(2) == 0,
                UrgentInterviewAuthorised = random.Next(3) == 0,
            }).ToList();
            detentions.Add(new Detention
            {
                Id = "CUS-" + detentions.Count,
                CustodySuiteId = "CS-" + random.Next(1, 4),
                Juvenile = random.Next(5) > 0,
                AuthorisedAt = At(authorised),
                AppropriateAdultArrivedAt = random.Next(4) == 0 ? null : At(authorised.AddMinutes(Minutes(AppropriateAdultLimits, 0, 360)) + Seconds()),
                ReleasedAt = random.Next(2) == 0 ? null : At(authorised.AddMinutes(Minutes(AppropriateAdultLimits, 0, 600)) + Seconds()),
                Interviews = interviews,
            });
        }

        var protections = new List<PoliceProtection>();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var started = t.AddMinutes(-Minutes([.. ProtectionLimits, .. InformLimits], -60, 80 * 60)) - Seconds();
            protections.Add(new PoliceProtection
            {
                Id = "PP-" + protections.Count,
                TeamId = Team(),
                StartedAt = At(started),
                LocalAuthorityInformedAt = random.Next(3) == 0 ? null : At(started.AddMinutes(Minutes(InformLimits, 0, 400)) + Seconds()),
                EndedAt = random.Next(2) == 0 ? null : At(started.AddMinutes(Minutes(ProtectionLimits, 40 * 60, 80 * 60)) + Seconds()),
            });
        }

        if (invalid)
        {
            if (detentions.Count > 0)
            {
                detentions[0] = detentions[0] with { AppropriateAdultArrivedAt = detentions[0].AuthorisedAt.AddMinutes(-1) };
            }

            if (discussions.Count > 1)
            {
                discussions[1] = discussions[1] with { Id = discussions[0].Id };
            }

            if (protections.Count > 0)
            {
                protections[^1] = protections[^1] with { EndedAt = protections[^1].StartedAt.AddSeconds(-1) };
            }
        }

        var overrides = new List<Override>(snapshot.Overrides);
        if (overrideKinds.Contains(FindingKinds.AppropriateAdultDelayed))
        {
            overrides.AddRange(detentions.Where((_, i) => i % 2 == 0).Select(d => Deferral("OV-CUS-" + d.Id, FindingKinds.AppropriateAdultDelayed + ":" + d.Id, asOf)));
        }

        if (overrideKinds.Contains(FindingKinds.PoliceProtectionExceeded))
        {
            overrides.AddRange(protections.Where((_, i) => i % 2 == 1).Select(p => Deferral("OV-PP-" + p.Id, FindingKinds.PoliceProtectionExceeded + ":" + p.Id, asOf)));
        }

        if (overrideKinds.Contains(FindingKinds.StrategyOutcomeNotRecorded))
        {
            overrides.AddRange(discussions.Where((_, i) => i % 2 == 0).Select(d => Deferral("OV-SD-" + d.Id, FindingKinds.StrategyOutcomeNotRecorded + ":" + d.Id, asOf)));
        }

        return new CaseloadSnapshot
        {
            AsOf = snapshot.AsOf,
            Teams = snapshot.Teams,
            Managers = snapshot.Managers,
            Offenders = snapshot.Offenders,
            Visits = snapshot.Visits,
            Briefings = snapshot.Briefings,
            Overrides = overrides.DistinctBy(static o => o.Id).ToList(),
            StrategyDiscussions = discussions,
            Detentions = detentions,
            PoliceProtections = protections,
        };
    }

    private static Override Deferral(string id, string findingId, DateOnly asOf) => new()
    {
        Id = id,
        FindingId = findingId,
        ReasonCode = "IN_HOSPITAL",
        AuthorisedBy = "DS-0001",
        From = asOf.AddDays(-3),
        Until = asOf.AddDays(3),
    };
}
