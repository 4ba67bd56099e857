namespace Safeguarding.Rules.Synthetic;

/// <summary>
/// The shape of a synthetic caseload. The defaults describe one force's register the way the 2018 Merseyside
/// inspection found it (about 2,000 offenders, 22% in custody, managers holding 50-60 with one in eight at 76-100,
/// 5-10% of required visits overdue). Shares are integers in thousandths (‰), so generation uses no floating point.
/// </summary>
public sealed class SyntheticCaseloadOptions
{
    /// <summary>The number of offender records. Default 2,000. At least 0.</summary>
    public int Offenders { get; init; } = 2000;

    /// <summary>The seed: the same seed and options give the same snapshot on every run and runtime. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The snapshot's as-of date. Default 2018-05-01 (the Merseyside inspection).</summary>
    public DateOnly AsOf { get; init; } = new(2018, 5, 1);

    /// <summary>
    /// The community caseload of a typical manager: such managers hold this many ±5 (default 55, so 50-60).
    /// The managers in the overloaded and elevated shares hold 76-100 and 61-75. At least 6.
    /// </summary>
    public int OffendersPerManager { get; init; } = 55;

    /// <summary>Managers overloaded at a community caseload of 76-100, in ‰ of managers. Default 125 (one in eight).</summary>
    public int OverloadedManagersPerThousand { get; init; } = 125;

    /// <summary>Managers at an elevated community caseload of 61-75, in ‰ of managers. Default 100.</summary>
    public int ElevatedManagersPerThousand { get; init; } = 100;

    /// <summary>Managers per team; teams are filled in order, the last one may be smaller. Default 6. At least 1.</summary>
    public int ManagersPerTeam { get; init; } = 6;

    /// <summary>Offenders per neighbourhood policing area. Default 40. At least 1.</summary>
    public int OffendersPerNeighbourhood { get; init; } = 40;

    /// <summary>The average number of visit records per offender (all outcomes, custody and reactive included). Default 4. 1-50.</summary>
    public int VisitsPerOffender { get; init; } = 4;

    /// <summary>Offenders at Very High risk, in ‰. Default 20 (2%, the national mix).</summary>
    public int VeryHighRiskPerThousand { get; init; } = 20;

    /// <summary>Offenders at High risk, in ‰. Default 180 (18%).</summary>
    public int HighRiskPerThousand { get; init; } = 180;

    /// <summary>Offenders at Medium risk, in ‰. Default 300 (30%); the rest are Low.</summary>
    public int MediumRiskPerThousand { get; init; } = 300;

    /// <summary>Offenders in custody, in ‰. Default 220 (Merseyside: 2,256 offenders, 1,769 in the community).</summary>
    public int InCustodyPerThousand { get; init; } = 220;

    /// <summary>Offenders with no manager, in ‰. Default 2; with 100 or more offenders there is always at least one.</summary>
    public int UnallocatedPerThousand { get; init; } = 2;

    /// <summary>Offenders registered after the as-of date, in ‰. Default 1; with 1,000 or more offenders there is always at least one.</summary>
    public int NotYetRegisteredPerThousand { get; init; } = 1;

    /// <summary>Low-risk offenders registered for 3 years or more who are under reactive management, in ‰ of them. Default 350.</summary>
    public int ReactiveLowRiskPerThousand { get; init; } = 350;

    /// <summary>Offenders above Low risk wrongly flagged for reactive management, in ‰ of them. Default 2 (about 1‰ of all).</summary>
    public int ReactiveAboveLowPerThousand { get; init; } = 2;

    /// <summary>Offenders whose risk management plan sets its own visit interval, in ‰. Default 100.</summary>
    public int PlanIntervalPerThousand { get; init; } = 100;

    /// <summary>Offenders at MAPPA level 2, in ‰. Default 15.</summary>
    public int MappaLevel2PerThousand { get; init; } = 15;

    /// <summary>Offenders at MAPPA level 3, in ‰. Default 5 (the rest, 98%, are at level 1).</summary>
    public int MappaLevel3PerThousand { get; init; } = 5;

    /// <summary>Community offenders released from custody at some time after registration, in ‰. Default 150.</summary>
    public int ReleasedPerThousand { get; init; } = 150;

    /// <summary>Offenders with no risk assessment recorded, in ‰. Default 10.</summary>
    public int NoAssessmentPerThousand { get; init; } = 10;

    /// <summary>Offenders whose latest risk assessment is more than a year old, in ‰. Default 40.</summary>
    public int StaleAssessmentPerThousand { get; init; } = 40;

    /// <summary>
    /// Offenders needing visits whose visit is made overdue, in ‰. Default 60; doubled for the offenders of
    /// managers at 76 or more, and 500 for unallocated offenders. Offenders never visited since registration or
    /// release add to it, so about 7% of offenders needing visits are overdue.
    /// </summary>
    public int OverduePerThousand { get; init; } = 60;

    /// <summary>Offenders needing visits with a run of 2-3 no-access visits after their latest completed visit, in ‰. Default 30.</summary>
    public int RepeatedNoAccessPerThousand { get; init; } = 30;

    /// <summary>Offenders with a recorded move into their current neighbourhood, in ‰. Default 400.</summary>
    public int NeighbourhoodMovesPerThousand { get; init; } = 400;

    /// <summary>Moves whose neighbourhood team was never briefed, in ‰ of moves. Default 100.</summary>
    public int UnbriefedMovesPerThousand { get; init; } = 100;

    /// <summary>
    /// Offenders given a record dated after the as-of date on purpose (a visit, and separately a briefing instead of
    /// the timely one), in ‰. Default 2. An evaluation as of <see cref="AsOf"/> must ignore them.
    /// </summary>
    public int FutureRecordsPerThousand { get; init; } = 2;

    /// <summary>
    /// Offenders given overrides (contract section 8), in ‰. Default 0 (none). Each such offender gets one or two
    /// overrides of one of its possible findings (VisitOverdue, VisitDueSoon, RepeatedNoAccess, RiskReviewOverdue or
    /// NeighbourhoodNotBriefed, whether it holds or not), valid under the default policy and active, ended or not yet
    /// started as of <see cref="AsOf"/>. They are drawn from a random stream of their own, so every other record is the
    /// same with or without them.
    /// </summary>
    public int OverridesPerThousand { get; init; }

    /// <summary>
    /// Strategy discussions (contract section 6) per 1,000 offenders: the count is exactly <see cref="Offenders"/> x this / 1,000
    /// (100,000 offenders give 10,000). Default 100. 0-10,000. Each has 1-4 joint actions; most outcomes and actions are recorded
    /// on time, some late, a few not at all. Drawn, like every child-protection record, from a random stream of their own, so the
    /// offenders, managers, teams, visits, briefings and overrides are the same whatever the child-protection options.
    /// </summary>
    public int StrategyDiscussionsPerThousandOffenders { get; init; } = 100;

    /// <summary>
    /// Detentions in police custody per 1,000 offenders: the count is exactly <see cref="Offenders"/> x this / 1,000 (100,000
    /// offenders give 20,000). Default 200. 0-10,000. Each has 0-2 interviews; those still in custody at the end of the as-of date
    /// have no release.
    /// </summary>
    public int DetentionsPerThousandOffenders { get; init; } = 200;

    /// <summary>
    /// Detentions of juveniles, in ‰ of detentions. Default 150. Most juveniles see an appropriate adult within two hours, some
    /// wait two to four hours or longer, a few never see one; a few of their interviews start without one. With 50 or more
    /// detentions and a share above 0, one juvenile detained on the as-of date evening is still waiting at its end.
    /// </summary>
    public int JuvenileDetentionsPerThousand { get; init; } = 150;

    /// <summary>
    /// Police protections (Children Act 1989 s46) per 1,000 offenders: the count is exactly <see cref="Offenders"/> x this / 1,000
    /// (100,000 offenders give 1,000). Default 10. 0-10,000. Most end within two days; a few run past 72 hours; some local
    /// authorities are informed late and a few not at all. With 5 or more protections, one is still running past 72 hours at the
    /// end of the as-of date.
    /// </summary>
    public int PoliceProtectionsPerThousandOffenders { get; init; } = 10;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Offenders);
        ArgumentOutOfRangeException.ThrowIfLessThan(OffendersPerManager, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(OffendersPerManager, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(ManagersPerTeam, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(OffendersPerNeighbourhood, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(VisitsPerOffender, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(VisitsPerOffender, 50);
        if (AsOf.Year < 1950 || AsOf.Year > 9000)
        {
            throw new ArgumentOutOfRangeException(nameof(AsOf), "AsOf must be in the years 1950-9000.");
        }

        CheckShare(OverloadedManagersPerThousand, nameof(OverloadedManagersPerThousand));
        CheckShare(ElevatedManagersPerThousand, nameof(ElevatedManagersPerThousand));
        CheckShare(OverloadedManagersPerThousand + ElevatedManagersPerThousand, nameof(ElevatedManagersPerThousand));
        CheckShare(VeryHighRiskPerThousand, nameof(VeryHighRiskPerThousand));
        CheckShare(HighRiskPerThousand, nameof(HighRiskPerThousand));
        CheckShare(MediumRiskPerThousand, nameof(MediumRiskPerThousand));
        CheckShare(VeryHighRiskPerThousand + HighRiskPerThousand + MediumRiskPerThousand, nameof(MediumRiskPerThousand));
        CheckShare(InCustodyPerThousand, nameof(InCustodyPerThousand));
        CheckShare(UnallocatedPerThousand, nameof(UnallocatedPerThousand));
        CheckShare(NotYetRegisteredPerThousand, nameof(NotYetRegisteredPerThousand));
        CheckShare(ReactiveLowRiskPerThousand, nameof(ReactiveLowRiskPerThousand));
        CheckShare(ReactiveAboveLowPerThousand, nameof(ReactiveAboveLowPerThousand));
        CheckShare(PlanIntervalPerThousand, nameof(PlanIntervalPerThousand));
        CheckShare(MappaLevel2PerThousand, nameof(MappaLevel2PerThousand));
        CheckShare(MappaLevel3PerThousand, nameof(MappaLevel3PerThousand));
        CheckShare(MappaLevel2PerThousand + MappaLevel3PerThousand, nameof(MappaLevel3PerThousand));
        CheckShare(ReleasedPerThousand, nameof(ReleasedPerThousand));
        CheckShare(NoAssessmentPerThousand, nameof(NoAssessmentPerThousand));
        CheckShare(StaleAssessmentPerThousand, nameof(StaleAssessmentPerThousand));
        CheckShare(NoAssessmentPerThousand + StaleAssessmentPerThousand, nameof(StaleAssessmentPerThousand));
        CheckShare(OverduePerThousand, nameof(OverduePerThousand));
        CheckShare(RepeatedNoAccessPerThousand, nameof(RepeatedNoAccessPerThousand));
        CheckShare(NeighbourhoodMovesPerThousand, nameof(NeighbourhoodMovesPerThousand));
        CheckShare(UnbriefedMovesPerThousand, nameof(UnbriefedMovesPerThousand));
        CheckShare(FutureRecordsPerThousand, nameof(FutureRecordsPerThousand));
        CheckShare(OverridesPerThousand, nameof(OverridesPerThousand));
        CheckRate(StrategyDiscussionsPerThousandOffenders, nameof(StrategyDiscussionsPerThousandOffenders));
        CheckRate(DetentionsPerThousandOffenders, nameof(DetentionsPerThousandOffenders));
        CheckShare(JuvenileDetentionsPerThousand, nameof(JuvenileDetentionsPerThousand));
        CheckRate(PoliceProtectionsPerThousandOffenders, nameof(PoliceProtectionsPerThousandOffenders));
    }

    private static void CheckRate(int value, string name)
    {
        if (value < 0 || value > 10_000)
        {
            throw new ArgumentOutOfRangeException(name, value, "A number of records per 1,000 offenders must be 0-10,000.");
        }
    }

    private static void CheckShare(int value, string name)
    {
        if (value < 0 || value > 1000)
        {
            throw new ArgumentOutOfRangeException(name, value, "A share in thousandths must be 0-1000 (and shares that add up must not pass 1000).");
        }
    }
}
