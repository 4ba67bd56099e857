using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>The records the Microsoft RulesEngine baseline evaluates, prepared from a snapshot in plain C#.</summary>
public sealed class RulesEngineInputs
{
    private RulesEngineInputs(OffenderInput[] offenders, ManagerInput[] managers, List<string> teamIds)
    {
        Offenders = offenders;
        Managers = managers;
        TeamIds = teamIds;
    }

    /// <summary>One record per strategy discussion held by the as-of date (contract section 6).</summary>
    public IReadOnlyList<DiscussionInput> Discussions { get; private init; } = [];

    /// <summary>One record per action of those discussions.</summary>
    public IReadOnlyList<ActionInput> Actions { get; private init; } = [];

    /// <summary>One record per detention authorised by the as-of instant.</summary>
    public IReadOnlyList<DetentionInput> Detentions { get; private init; } = [];

    /// <summary>One record per interview of those detentions started by the as-of instant.</summary>
    public IReadOnlyList<InterviewInput> Interviews { get; private init; } = [];

    /// <summary>One record per police protection started by the as-of instant.</summary>
    public IReadOnlyList<ProtectionInput> Protections { get; private init; } = [];

    /// <summary>One record per offender registered by the as-of date.</summary>
    public IReadOnlyList<OffenderInput> Offenders { get; }

    /// <summary>One record per manager.</summary>
    public IReadOnlyList<ManagerInput> Managers { get; }

    /// <summary>The teams: the <c>teams</c> list, or the managers' team ids when the snapshot has none.</summary>
    public IReadOnlyList<string> TeamIds { get; }

    /// <summary>Prepares the records of a valid snapshot as of <paramref name="asOf"/>.</summary>
    /// <param name="snapshot">A valid snapshot.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="policy">The policy (intervals, first visit and review periods).</param>
    /// <returns>The records.</returns>
    public static RulesEngineInputs Prepare(CaseloadSnapshot snapshot, DateOnly asOf, SafeguardingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var offenders = snapshot.Offenders;
        var count = offenders.Count;

        var indexOf = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (offenders[i].RegisteredOn <= asOf)
            {
                indexOf[offenders[i].Id] = i;
            }
        }

        var latestCompleted = new DateOnly?[count];
        foreach (var visit in snapshot.Visits)
        {
            if (visit.Outcome == VisitOutcome.Completed && visit.Date <= asOf && indexOf.TryGetValue(visit.OffenderId, out var i)
                && (latestCompleted[i] is not { } latest || visit.Date > latest))
            {
                latestCompleted[i] = visit.Date;
            }
        }

        var noAccess = new int[count];
        foreach (var visit in snapshot.Visits)
        {
            if (visit.Outcome == VisitOutcome.NoAccess && visit.Date <= asOf && indexOf.TryGetValue(visit.OffenderId, out var i)
                && (latestCompleted[i] is not { } latest || visit.Date > latest))
            {
                noAccess[i]++;
            }
        }

        var teamOfManager = new Dictionary<string, string?>(snapshot.Managers.Count, StringComparer.Ordinal);
        var caseload = new Dictionary<string, int>(snapshot.Managers.Count, StringComparer.Ordinal);
        foreach (var manager in snapshot.Managers)
        {
            teamOfManager[manager.Id] = manager.TeamId;
            caseload[manager.Id] = 0;
        }

        foreach (var i in indexOf.Values)
        {
            if (offenders[i].ManagerId is { } managerId && !offenders[i].InCustody)
            {
                caseload[managerId]++;
            }
        }

        var briefingReference = new DateOnly[count];
        var briefed = new bool[count];
        var inputs = new OffenderInput[indexOf.Count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var offender = offenders[i];
            if (offender.RegisteredOn > asOf)
            {
                continue;
            }

            var released = NotAfter(offender.ReleasedOn, asOf);
            var start = released is { } r && r > offender.RegisteredOn ? r : offender.RegisteredOn;
            briefingReference[i] = NotAfter(offender.MovedIntoNeighbourhoodOn, asOf) ?? start;
        }

        foreach (var briefing in snapshot.Briefings)
        {
            if (briefing.Date <= asOf && indexOf.TryGetValue(briefing.OffenderId, out var i)
                && briefing.Date >= briefingReference[i]
                && string.Equals(briefing.NeighbourhoodId, offenders[i].NeighbourhoodId, StringComparison.Ordinal))
            {
                briefed[i] = true;
            }
        }

        for (var i = 0; i < count; i++)
        {
            var offender = offenders[i];
            if (offender.RegisteredOn > asOf)
            {
                continue;
            }

            var released = NotAfter(offender.ReleasedOn, asOf);
            var start = released is { } r && r > offender.RegisteredOn ? r : offender.RegisteredOn;
            var interval = offender.VisitIntervalDays ?? policy.VisitIntervalDays.For(offender.RiskLevel);
            var due = latestCompleted[i] is { } last && last >= start ? last.AddDays(interval) : start.AddDays(policy.FirstVisitDays);
            var reviewDue = NotAfter(offender.RiskAssessedOn, asOf) is { } assessed
                ? assessed.AddDays(policy.RiskReviewDays)
                : offender.RegisteredOn.AddDays(policy.InitialAssessmentDays);
            inputs[n++] = new OffenderInput
            {
                Id = offender.Id,
                ManagerId = offender.ManagerId,
                TeamId = offender.ManagerId is { } m ? teamOfManager[m] : null,
                Risk = RiskName(offender.RiskLevel),
                InCustody = offender.InCustody,
                ReactiveManagement = offender.ReactiveManagement,
                NeedsVisits = !offender.InCustody && !(offender.ReactiveManagement && offender.RiskLevel == RiskLevel.Low),
                DueOn = due,
                DaysOverdue = asOf.DayNumber - due.DayNumber,
                NoAccessVisits = noAccess[i],
                ManagerCaseload = offender.ManagerId is { } id ? caseload[id] : 0,
                DaysPastRiskReviewDue = asOf.DayNumber - reviewDue.DayNumber,
                NeighbourhoodId = offender.NeighbourhoodId,
                DaysSinceBriefingReference = asOf.DayNumber - briefingReference[i].DayNumber,
                BriefedSinceReference = briefed[i],
            };
        }

        var managers = new ManagerInput[snapshot.Managers.Count];
        for (var i = 0; i < managers.Length; i++)
        {
            var manager = snapshot.Managers[i];
            managers[i] = new ManagerInput { Id = manager.Id, TeamId = manager.TeamId, Caseload = caseload[manager.Id] };
        }

        var teamIds = snapshot.Teams is { } teams
            ? teams.Select(static t => t.Id).ToList()
            : snapshot.Managers.Where(static m => m.TeamId is not null).Select(static m => m.TeamId!).Distinct(StringComparer.Ordinal).ToList();
        var t = Rules.ChildProtection.AsOfInstant.EndOf(asOf);
        var cp = policy.ChildProtection;
        var nonWorkingDays = new HashSet<DateOnly>(cp.NonWorkingDays);
        var discussions = new List<DiscussionInput>();
        var actions = new List<ActionInput>();
        foreach (var discussion in snapshot.StrategyDiscussions)
        {
            if (discussion.HeldOn > asOf)
            {
                continue;
            }

            var due = Rules.ChildProtection.StrategyOutcomeDeadline.DueOn(discussion.HeldOn, cp.StrategyOutcomeWorkingDays, nonWorkingDays);
            discussions.Add(new DiscussionInput
            {
                Id = discussion.Id,
                TeamId = discussion.TeamId,
                OutcomeRecorded = NotAfter(discussion.OutcomeRecordedOn, asOf) is not null,
                HasDueDate = due is not null,
                DaysPastDue = due is { } d ? asOf.DayNumber - d.DayNumber : 0,
            });
            foreach (var action in discussion.Actions)
            {
                actions.Add(new ActionInput
                {
                    Id = discussion.Id + "/" + action.Id,
                    TeamId = discussion.TeamId,
                    Police = action.Owner == ActionOwner.Police,
                    Completed = NotAfter(action.CompletedOn, asOf) is not null,
                    DaysPastDue = asOf.DayNumber - action.DueOn.DayNumber,
                });
            }
        }

        var detentions = new List<DetentionInput>();
        var interviews = new List<InterviewInput>();
        foreach (var detention in snapshot.Detentions)
        {
            if (detention.AuthorisedAt > t)
            {
                continue;
            }

            var end = t;
            if (detention.AppropriateAdultArrivedAt is { } arrived && arrived < end)
            {
                end = arrived;
            }

            if (detention.ReleasedAt is { } released && released < end)
            {
                end = released;
            }

            detentions.Add(new DetentionInput { Id = detention.Id, Juvenile = detention.Juvenile, MinutesWaited = Minutes(detention.AuthorisedAt, end) });
            foreach (var interview in detention.Interviews)
            {
                if (interview.StartedAt <= t)
                {
                    interviews.Add(new InterviewInput
                    {
                        Id = detention.Id,
                        Juvenile = detention.Juvenile,
                        AppropriateAdultPresent = interview.AppropriateAdultPresent,
                        UrgentInterviewAuthorised = interview.UrgentInterviewAuthorised,
                    });
                }
            }
        }

        var protections = new List<ProtectionInput>();
        foreach (var protection in snapshot.PoliceProtections)
        {
            if (protection.StartedAt > t)
            {
                continue;
            }

            var ended = protection.EndedAt is { } e && e <= t ? e : t;
            var informed = protection.LocalAuthorityInformedAt is { } i && i <= t ? i : t;
            protections.Add(new ProtectionInput
            {
                Id = protection.Id,
                TeamId = protection.TeamId,
                MinutesInProtection = Minutes(protection.StartedAt, ended),
                MinutesToInform = Minutes(protection.StartedAt, informed),
            });
        }

        return new RulesEngineInputs(inputs, managers, teamIds)
        {
            Discussions = discussions,
            Actions = actions,
            Detentions = detentions,
            Interviews = interviews,
            Protections = protections,
        };
    }

    /// <summary>Whole minutes from one instant to another (floor), as contract section 6 counts them.</summary>
    private static int Minutes(DateTimeOffset from, DateTimeOffset to) => (int)Math.Floor((to.UtcTicks - from.UtcTicks) / (decimal)TimeSpan.TicksPerMinute);

    private static DateOnly? NotAfter(DateOnly? date, DateOnly asOf) => date is { } d && d <= asOf ? d : null;

    private static string RiskName(RiskLevel level) => level switch
    {
        RiskLevel.Low => "Low",
        RiskLevel.Medium => "Medium",
        RiskLevel.High => "High",
        RiskLevel.VeryHigh => "VeryHigh",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown risk level."),
    };
}
