using CsCheck;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>
/// CsCheck generators of small valid caseloads (contract section 3) with small policies, built to land on the
/// contract's boundaries: due on the as-of date and a day either side, escalation thresholds and the day after,
/// the due-soon window's edges, caseloads around target and critical, records dated after the as-of date.
/// Dates are generated as day offsets from the as-of date D, many of them "threshold +/- 1" for the offender's own interval.
/// </summary>
internal static class CaseGenerators
{
    private const string ElsewhereNeighbourhood = "NPT-9";
    private const string UnusedTeam = "T-EMPTY";
    private static readonly DateOnly Earliest = new(2017, 1, 1);

    // Ids chosen so that ordinal order differs from numeric and case-insensitive order.
    private static readonly string[] TeamIds = ["T-2", "T-10", "t-1"];
    private static readonly string[] ManagerIds = ["OM-9", "OM-10", "om-1", "OM-1", "OM-A", "OM-b"];
    private static readonly string[] OffenderPrefixes = ["RSO-", "rso-", "RSO-0"];

    /// <summary>The default policy now and then; mostly small random policies, so that caseloads cross target and critical.</summary>
    public static Gen<SafeguardingPolicy> Policy { get; } = Gen.Frequency(
        (1, Gen.Const(() => new SafeguardingPolicy())),
        (5, SmallPolicy()));

    /// <summary>A whole case: policy, as-of date and snapshot.</summary>
    public static Gen<DifferentialCase> Case { get; } = CaseAt(Gen.Int[0, 730].Select(static day => Earliest.AddDays(day)));

    /// <summary>A whole case as of a date drawn from <paramref name="asOfDates"/>: its records are placed around that date.</summary>
    /// <param name="asOfDates">The as-of dates to draw from.</param>
    /// <returns>The generator.</returns>
    public static Gen<DifferentialCase> CaseAt(Gen<DateOnly> asOfDates) =>
        from policy in Policy
        from asOf in asOfDates
        from managerCount in Gen.Int[1, 6]
        from teamsShape in Gen.Int[0, 2]
        from teamCount in Gen.Int[0, 3]
        from managerTeams in Gen.Int[-1, 2].Array[managerCount]
        from offenderCount in Gen.Frequency((3, Gen.Int[1, 12]), (1, Gen.Int[13, 40]))
        from offenders in Offender(policy, managerCount).Array[offenderCount]
        from snapshotAsOf in Gen.Frequency((2, Gen.Const((int?)null)), (1, Gen.Const((int?)0)), (1, Nullable(Gen.Int[-30, 30])))
        from reverseRecords in Gen.Bool
        select Build(policy, asOf, managerTeams, teamsShape, teamCount, offenders, snapshotAsOf, reverseRecords);

    private static Gen<SafeguardingPolicy> SmallPolicy() =>
        from intervals in Gen.Int[1, 60].Array[4]
        from firstVisit in Gen.Int[1, 40]
        from dueSoon in Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[0, 20]))
        from target in Gen.Int[1, 4]
        from criticalAbove in Gen.Int[0, 3]
        from supervisor in Gen.Int[1, 20]
        from inspectorAbove in Gen.Int[0, 20]
        from highRisk in Gen.Int[1, 15]
        from backlog in Gen.Frequency(
            (2, Gen.OneOfConst(5m, 12.5m, 33.3m, 50m, 100m, 0.5m, 25m, 20m, 10m, 1m)),
            (1, Gen.Int[1, 1000].Select(tenths => tenths / 10m)))
        from noAccess in Gen.Int[1, 4]
        from review in Gen.Int[1, 60]
        from initial in Gen.Int[1, 40]
        from briefing in Gen.Int[1, 14]
        select new SafeguardingPolicy
        {
            Version = "differential",
            VisitIntervalDays = new VisitIntervalPolicy { VeryHigh = intervals[0], High = intervals[1], Medium = intervals[2], Low = intervals[3] },
            FirstVisitDays = firstVisit,
            DueSoonDays = dueSoon,
            Caseload = new CaseloadPolicy { Target = target, Critical = target + criticalAbove },
            Escalation = new EscalationPolicy
            {
                SupervisorAfterDays = supervisor,
                InspectorAfterDays = supervisor + inspectorAbove,
                HighRiskInspectorAfterDays = highRisk,
                UnitBacklogPercent = backlog,
            },
            RepeatedNoAccessVisits = noAccess,
            RiskReviewDays = review,
            InitialAssessmentDays = initial,
            NeighbourhoodBriefingDays = briefing,
        };

    private static Gen<OffenderSpec> Offender(SafeguardingPolicy policy, int managerCount) =>
        from risk in Gen.Enum<RiskLevel>()
        from managerSlot in Gen.Frequency((8, Gen.Int[0, managerCount - 1]), (1, Gen.Const(-1)))
        from ownInterval in Gen.Frequency((6, Gen.Const((int?)null)), (2, Nullable(Gen.Int[1, 60])), (1, Nullable(Gen.OneOfConst(1, 730))))
        from inCustody in Gen.FrequencyConst((6, false), (1, true))
        from reactive in Gen.FrequencyConst((4, false), (1, true))
        from mappa in Gen.Int[0, 3]
        from neighbourhood in Gen.FrequencyConst((1, (string?)null), (2, "NPT-1"), (1, "NPT-2"))
        from registered in Registered(policy)
        from released in Released(policy, registered)
        from assessed in Assessed(policy)
        from moved in Moved(policy, registered)
        let interval = ownInterval ?? IntervalFor(policy, risk)
        let start = released is { } r && r <= 0 && r > registered ? r : registered
        let reference = moved is { } m && m <= 0 ? m : start
        from visits in Visit(policy, interval, start).Array[0, 8]
        from briefings in Briefing(neighbourhood, reference).Array[0, 2]
        select new OffenderSpec(
            risk,
            managerSlot,
            ownInterval,
            inCustody,
            reactive,
            mappa == 0 ? null : mappa,
            neighbourhood,
            registered,
            released,
            assessed,
            moved,
            visits,
            briefings);

    /// <summary>Days overdue to aim at (negative = due in the future): the due-soon edge, each escalation threshold, each +/- 1; sometimes anything.</summary>
    private static Gen<int> DaysOverdueTarget(SafeguardingPolicy policy) => Gen.Frequency(
        (3, Around(0, -policy.DueSoonDays, policy.Escalation.HighRiskInspectorAfterDays, policy.Escalation.SupervisorAfterDays, policy.Escalation.InspectorAfterDays)),
        (1, Gen.Int[-40, 60]));

    private static Gen<int> Registered(SafeguardingPolicy policy) => Gen.Frequency(
        (3, DaysOverdueTarget(policy).Select(x => -(policy.FirstVisitDays + x))),
        (2, Gen.Int[-800, 0]),
        (1, Gen.Int[1, 5]),
        (1, Gen.Int[-3, 0]),
        (1, Around(-policy.InitialAssessmentDays, -policy.NeighbourhoodBriefingDays)));

    private static Gen<int?> Released(SafeguardingPolicy policy, int registered) => Gen.Frequency(
        (4, Gen.Const((int?)null)),
        (2, Nullable(DaysOverdueTarget(policy).Select(x => -(policy.FirstVisitDays + x)))),
        (1, Nullable(Gen.Int[-60, -1].Select(d => registered + d))),
        (1, Nullable(Gen.Int[1, 5])),
        (1, Nullable(Gen.Int[-400, 0])));

    private static Gen<int?> Assessed(SafeguardingPolicy policy) => Gen.Frequency(
        (2, Gen.Const((int?)null)),
        (3, Nullable(Around(-policy.RiskReviewDays))),
        (1, Nullable(Gen.Int[1, 5])),
        (2, Nullable(Gen.Int[-400, 0])));

    private static Gen<int?> Moved(SafeguardingPolicy policy, int registered) => Gen.Frequency(
        (3, Gen.Const((int?)null)),
        (2, Nullable(Around(-policy.NeighbourhoodBriefingDays))),
        (1, Nullable(Gen.Int[1, 3])),
        (1, Nullable(Gen.Int[-400, 0])),
        (1, Nullable(Gen.Int[-30, -1].Select(d => registered + d))));

    private static Gen<VisitSpec> Visit(SafeguardingPolicy policy, int interval, int start) =>
        from outcome in Gen.FrequencyConst((3, VisitOutcome.Completed), (3, VisitOutcome.NoAccess), (1, VisitOutcome.Cancelled))
        from offset in Gen.Frequency(
            (4, DaysOverdueTarget(policy).Select(x => -(interval + x))),
            (2, Gen.Int[-5, 5]),
            (2, Gen.Int[-400, 0]),
            (1, Gen.Int[1, 10]),
            (1, Gen.Int[-3, 3].Select(d => start + d)))
        from announced in Gen.FrequencyConst((2, (bool?)null), (1, true), (1, false))
        select new VisitSpec(offset, outcome, announced);

    private static Gen<BriefingSpec> Briefing(string? neighbourhood, int reference) =>
        from elsewhere in Gen.FrequencyConst((3, false), (1, true))
        from offset in Gen.Frequency(
            (3, Gen.Int[-2, 2].Select(d => reference + d)),
            (1, Gen.Int[1, 3]),
            (1, Gen.Int[-400, 0]))
        select new BriefingSpec(elsewhere || neighbourhood is null ? ElsewhereNeighbourhood : neighbourhood, offset);

    private static Gen<int> Around(params int[] anchors) =>
        Gen.Select(Gen.OneOfConst(anchors), Gen.Int[-1, 1], static (anchor, jitter) => anchor + jitter);

    private static Gen<int?> Nullable(Gen<int> gen) => gen.Select(static value => (int?)value);

    private static int IntervalFor(SafeguardingPolicy policy, RiskLevel risk) => risk switch
    {
        RiskLevel.VeryHigh => policy.VisitIntervalDays.VeryHigh,
        RiskLevel.High => policy.VisitIntervalDays.High,
        RiskLevel.Medium => policy.VisitIntervalDays.Medium,
        _ => policy.VisitIntervalDays.Low,
    };

    private static DifferentialCase Build(
        SafeguardingPolicy policy,
        DateOnly asOf,
        int[] managerTeams,
        int teamsShape,
        int teamCount,
        OffenderSpec[] specs,
        int? snapshotAsOf,
        bool reverseRecords)
    {
        List<Team>? teams = teamsShape switch
        {
            0 => null,
            1 => TeamIds.Take(teamCount).Select(id => new Team { Id = id }).ToList(),
            _ => TeamIds.Take(teamCount).Append(UnusedTeam).Select(id => new Team { Id = id }).ToList(),
        };
        var managers = managerTeams
            .Select((slot, j) => new Manager { Id = ManagerIds[j], TeamId = slot >= 0 && slot < teamCount ? TeamIds[slot] : null })
            .ToList();

        var offenders = new List<Offender>();
        var visits = new List<Visit>();
        var briefings = new List<Briefing>();
        for (var i = 0; i < specs.Length; i++)
        {
            var spec = specs[i];
            var id = OffenderPrefixes[i % OffenderPrefixes.Length] + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            offenders.Add(new Offender
            {
                Id = id,
                ManagerId = spec.ManagerSlot >= 0 ? ManagerIds[spec.ManagerSlot] : null,
                NeighbourhoodId = spec.NeighbourhoodId,
                RiskLevel = spec.RiskLevel,
                RiskAssessedOn = At(asOf, spec.Assessed),
                RegisteredOn = asOf.AddDays(spec.Registered),
                ReleasedOn = At(asOf, spec.Released),
                InCustody = spec.InCustody,
                ReactiveManagement = spec.ReactiveManagement,
                VisitIntervalDays = spec.OwnInterval,
                MappaLevel = spec.MappaLevel,
                MovedIntoNeighbourhoodOn = At(asOf, spec.Moved),
            });
            visits.AddRange(spec.Visits.Select(v => new Visit { OffenderId = id, Date = asOf.AddDays(v.Offset), Outcome = v.Outcome, Announced = v.Announced }));
            briefings.AddRange(spec.Briefings.Select(b => new Briefing { OffenderId = id, NeighbourhoodId = b.NeighbourhoodId, Date = asOf.AddDays(b.Offset) }));
        }

        if (reverseRecords)
        {
            offenders.Reverse();
            visits.Reverse();
            briefings.Reverse();
        }

        var snapshot = new CaseloadSnapshot
        {
            SchemaVersion = snapshotAsOf is null ? null : 1,
            AsOf = At(asOf, snapshotAsOf),
            Teams = teams,
            Managers = managers,
            Offenders = offenders,
            Visits = visits,
            Briefings = briefings,
        };
        return new DifferentialCase(snapshot, asOf, policy);
    }

    private static DateOnly? At(DateOnly asOf, int? offset) => offset is { } days ? asOf.AddDays(days) : null;
}
