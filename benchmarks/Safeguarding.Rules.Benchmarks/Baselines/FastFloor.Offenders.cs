using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The offenders' findings (contract sections 2 and 5): one pass per chunk of offenders, everything from arrays.</summary>
public static partial class FastFloor
{
    private const int KindVisitOverdue = 0;
    private const int KindVisitDueSoon = 1;
    private const int KindRepeatedNoAccess = 2;
    private const int KindReactiveManagementIneligible = 3;
    private const int KindCaseloadAboveTarget = 4;
    private const int KindCaseloadCritical = 5;
    private const int KindUnallocated = 6;
    private const int KindUnitBacklog = 7;
    private const int KindRiskReviewOverdue = 8;
    private const int KindNeighbourhoodNotBriefed = 9;
    private const int FirstChildProtectionKind = 10;
    private const int KindStrategyOutcomeNotRecorded = 10;
    private const int KindStrategyActionOverdue = 11;
    private const int KindAppropriateAdultDelayed = 12;
    private const int KindInterviewWithoutAppropriateAdult = 13;
    private const int KindPoliceProtectionExceeded = 14;
    private const int KindLocalAuthorityNotInformed = 15;

    /// <summary>The kinds the engine evaluates on a valid snapshot, in contract order (DataQuality needs a rejected record).</summary>
    private static readonly string[] Kinds =
    [
        FindingKinds.VisitOverdue, FindingKinds.VisitDueSoon, FindingKinds.RepeatedNoAccess, FindingKinds.ReactiveManagementIneligible,
        FindingKinds.CaseloadAboveTarget, FindingKinds.CaseloadCritical, FindingKinds.Unallocated, FindingKinds.UnitBacklog,
        FindingKinds.RiskReviewOverdue, FindingKinds.NeighbourhoodNotBriefed, FindingKinds.StrategyOutcomeNotRecorded,
        FindingKinds.StrategyActionOverdue, FindingKinds.AppropriateAdultDelayed, FindingKinds.InterviewWithoutAppropriateAdult,
        FindingKinds.PoliceProtectionExceeded, FindingKinds.LocalAuthorityNotInformed,
    ];

    private static readonly string[] RiskNames = ["Low", "Medium", "High", "Very High"];

    /// <summary>A finding with its sort key: the (team rank + 1, manager rank + 1) pair packed in a long, then the offender's id.</summary>
    private readonly record struct Entry(long Key, string Id, Finding Finding);

    /// <summary>One chunk's findings per kind and its overdue-visit tallies.</summary>
    private sealed class OffenderPart(int teams)
    {
        public List<Entry>?[] Buckets { get; } = new List<Entry>?[Kinds.Length];

        public int[] OverdueByTeam { get; } = new int[teams];

        public int[] OverdueByRisk { get; } = new int[4];

        public int[] Escalations { get; } = new int[3];

        public List<int> DaysOverdue { get; } = [];

        public void Add(int kind, long key, string id, Finding finding) => (Buckets[kind] ??= []).Add(new Entry(key, id, finding));
    }

    /// <summary>Everything the offender pass reads, shared read-only by the chunks.</summary>
    private sealed class OffenderContext(
        SafeguardingPolicy policy,
        int day,
        IReadOnlyList<Offender> offenders,
        int[] manager,
        bool[] registered,
        int[] lastCompleted,
        int[] noAccess,
        int[] latestBriefing,
        int[] caseload,
        IReadOnlyList<Manager> managers,
        long[] managerKey,
        int[] managerTeam,
        int teams)
    {
        private static readonly int MaxDay = DateOnly.MaxValue.DayNumber;
        private readonly int[] _intervals = [policy.VisitIntervalDays.Low, policy.VisitIntervalDays.Medium, policy.VisitIntervalDays.High, policy.VisitIntervalDays.VeryHigh];
        private readonly int _firstVisitDays = policy.FirstVisitDays;
        private readonly int _dueSoonDays = policy.DueSoonDays;
        private readonly int _repeatedNoAccess = policy.RepeatedNoAccessVisits;
        private readonly int _critical = policy.Caseload.Critical;
        private readonly int _supervisorAfter = policy.Escalation.SupervisorAfterDays;
        private readonly int _inspectorAfter = policy.Escalation.InspectorAfterDays;
        private readonly int _highRiskInspectorAfter = policy.Escalation.HighRiskInspectorAfterDays;
        private readonly int _riskReviewDays = policy.RiskReviewDays;
        private readonly int _initialAssessmentDays = policy.InitialAssessmentDays;
        private readonly int _briefingDays = policy.NeighbourhoodBriefingDays;

        public OffenderPart Run(int from, int to)
        {
            var part = new OffenderPart(teams);
            for (var i = from; i < to; i++)
            {
                if (registered[i])
                {
                    Evaluate(i, part);
                }
            }

            return part;
        }

        private void Evaluate(int i, OffenderPart part)
        {
            var offender = offenders[i];
            var m = manager[i];
            var managerId = m >= 0 ? managers[m].Id : null;
            var teamId = m >= 0 ? managers[m].TeamId : null;
            var key = m >= 0 ? managerKey[m] : 0L;
            var risk = offender.RiskLevel;
            var registeredDay = offender.RegisteredOn.DayNumber;
            var start = offender.ReleasedOn is { } released && released.DayNumber <= day && released.DayNumber > registeredDay ? released.DayNumber : registeredDay;
            var needsVisits = !offender.InCustody && !(offender.ReactiveManagement && risk == RiskLevel.Low);
            if (needsVisits)
            {
                var last = lastCompleted[i];
                var firstVisit = last == None || last < start;
                var dueDay = firstVisit ? (long)start + _firstVisitDays : (long)last + (offender.VisitIntervalDays ?? _intervals[(int)risk]);
                var repeated = noAccess[i] >= _repeatedNoAccess;
                if (dueDay <= MaxDay)
                {
                    var due = DateOnly.FromDayNumber((int)dueDay);
                    var past = day - (int)dueDay;
                    if (past > 0)
                    {
                        var high = risk is RiskLevel.High or RiskLevel.VeryHigh;
                        int level;
                        string rule;
                        string why;
                        if (past > _inspectorAfter || (high && past > _highRiskInspectorAfter))
                        {
                            (level, rule, why) = (2, RuleNames.EscalateToDetectiveInspector, "escalated to DetectiveInspector");
                        }
                        else if (past > _supervisorAfter || risk == RiskLevel.VeryHigh || repeated || (m >= 0 && caseload[m] > _critical))
                        {
                            (level, rule, why) = (1, RuleNames.EscalateToSupervisor, "escalated to Supervisor");
                        }
                        else
                        {
                            (level, rule, why) = (0, RuleNames.OverdueStaysWithOffenderManager, "stays with the OffenderManager");
                        }

                        part.Escalations[level]++;
                        part.OverdueByRisk[(int)risk]++;
                        part.DaysOverdue.Add(past);
                        if (m >= 0 && managerTeam[m] >= 0)
                        {
                            part.OverdueByTeam[managerTeam[m]]++;
                        }

                        part.Add(KindVisitOverdue, key, offender.Id, new Finding
                        {
                            Kind = FindingKinds.VisitOverdue,
                            Rule = rule,
                            Reason = RiskNames[(int)risk] + " risk: " + (firstVisit ? "first visit" : "last completed home visit " + Date(DateOnly.FromDayNumber(last))) + "; due " + Date(due) + "; " + Number(past) + " days overdue; " + why + ".",
                            OffenderId = offender.Id,
                            ManagerId = managerId,
                            TeamId = teamId,
                            RiskLevel = risk,
                            DueOn = due,
                            DaysOverdue = past,
                            EscalateTo = level == 2 ? EscalationLevel.DetectiveInspector : level == 1 ? EscalationLevel.Supervisor : EscalationLevel.OffenderManager,
                        });
                    }
                    else if (-past <= _dueSoonDays)
                    {
                        part.Add(KindVisitDueSoon, key, offender.Id, new Finding
                        {
                            Kind = FindingKinds.VisitDueSoon,
                            Rule = RuleNames.VisitDueSoon,
                            Reason = RiskNames[(int)risk] + " risk: visit due " + Date(due) + ", in " + Number(-past) + " days.",
                            OffenderId = offender.Id,
                            ManagerId = managerId,
                            TeamId = teamId,
                            RiskLevel = risk,
                            DueOn = due,
                            DaysUntilDue = -past,
                        });
                    }
                }

                if (repeated)
                {
                    part.Add(KindRepeatedNoAccess, key, offender.Id, new Finding
                    {
                        Kind = FindingKinds.RepeatedNoAccess,
                        Rule = RuleNames.RepeatedNoAccess,
                        Reason = Number(noAccess[i]) + " no-access visits since the latest completed visit; threshold " + Number(_repeatedNoAccess) + ".",
                        OffenderId = offender.Id,
                        ManagerId = managerId,
                        TeamId = teamId,
                        RiskLevel = risk,
                        NoAccessVisits = noAccess[i],
                    });
                }
            }

            if (offender.ReactiveManagement && risk != RiskLevel.Low)
            {
                part.Add(KindReactiveManagementIneligible, key, offender.Id, new Finding
                {
                    Kind = FindingKinds.ReactiveManagementIneligible,
                    Rule = RuleNames.ReactiveManagementIneligible,
                    Reason = "Reactive management is recorded at " + RiskNames[(int)risk] + " risk; it is allowed at Low risk only.",
                    OffenderId = offender.Id,
                    ManagerId = managerId,
                    TeamId = teamId,
                    RiskLevel = risk,
                });
            }

            if (m < 0)
            {
                part.Add(KindUnallocated, 0L, offender.Id, new Finding
                {
                    Kind = FindingKinds.Unallocated,
                    Rule = RuleNames.Unallocated,
                    Reason = "Offender " + offender.Id + " has no offender manager.",
                    OffenderId = offender.Id,
                    RiskLevel = risk,
                });
            }

            if (offender.InCustody)
            {
                return;
            }

            var reviewDue = offender.RiskAssessedOn is { } assessed && assessed.DayNumber <= day
                ? (long)assessed.DayNumber + _riskReviewDays
                : (long)registeredDay + _initialAssessmentDays;
            if (reviewDue < day)
            {
                var due = DateOnly.FromDayNumber((int)reviewDue);
                part.Add(KindRiskReviewOverdue, key, offender.Id, new Finding
                {
                    Kind = FindingKinds.RiskReviewOverdue,
                    Rule = RuleNames.RiskReviewOverdue,
                    Reason = "Risk review due " + Date(due) + ".",
                    OffenderId = offender.Id,
                    ManagerId = managerId,
                    TeamId = teamId,
                    RiskLevel = risk,
                    DueOn = due,
                });
            }

            if (offender.NeighbourhoodId is { } neighbourhood)
            {
                var reference = offender.MovedIntoNeighbourhoodOn is { } moved && moved.DayNumber <= day ? moved.DayNumber : start;
                if (latestBriefing[i] < reference && day - reference > _briefingDays)
                {
                    var since = DateOnly.FromDayNumber(reference);
                    part.Add(KindNeighbourhoodNotBriefed, key, offender.Id, new Finding
                    {
                        Kind = FindingKinds.NeighbourhoodNotBriefed,
                        Rule = RuleNames.NeighbourhoodNotBriefed,
                        Reason = "Neighbourhood " + neighbourhood + " not briefed since " + Date(since) + ".",
                        OffenderId = offender.Id,
                        ManagerId = managerId,
                        TeamId = teamId,
                        NeighbourhoodId = neighbourhood,
                        Since = since,
                    });
                }
            }
        }
    }

    /// <summary>Offender, manager and team kinds: team rank, manager rank (in the key), then the offender's id.</summary>
    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry x, Entry y)
        {
            var c = x.Key.CompareTo(y.Key);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
