using System.Globalization;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Benchmarks.Baselines;

/// <summary>Child protection (contract section 6): its checks, findings and outcome measures, straight from the records.</summary>
public static partial class FastFloor
{
    /// <summary>The section 6 problems of the three arrays, counted.</summary>
    private static int CheckChildProtection(CaseloadSnapshot snapshot, Dictionary<string, int>? listedTeams)
    {
        var problems = 0;
        var discussions = snapshot.StrategyDiscussions;
        var ids = new HashSet<string>(discussions.Count, StringComparer.Ordinal);
        foreach (var discussion in discussions)
        {
            if (discussion is null || string.IsNullOrEmpty(discussion.Id) || !ids.Add(discussion.Id))
            {
                problems++;
                continue;
            }

            problems += BadTeam(discussion.TeamId, listedTeams);
            if (discussion.OutcomeRecordedOn is { } recorded && recorded < discussion.HeldOn)
            {
                problems++;
            }

            var actions = discussion.Actions;
            for (var a = 0; a < actions.Count; a++)
            {
                var action = actions[a];
                if (action is null || string.IsNullOrEmpty(action.Id) || (uint)action.Owner > (uint)ActionOwner.Other)
                {
                    problems++;
                    continue;
                }

                for (var b = 0; b < a; b++)
                {
                    if (string.Equals(actions[b]?.Id, action.Id, StringComparison.Ordinal))
                    {
                        problems++;
                        break;
                    }
                }
            }
        }

        var detentions = snapshot.Detentions;
        ids = new HashSet<string>(detentions.Count, StringComparer.Ordinal);
        foreach (var detention in detentions)
        {
            if (detention is null || string.IsNullOrEmpty(detention.Id) || !ids.Add(detention.Id) || string.IsNullOrEmpty(detention.CustodySuiteId))
            {
                problems++;
                continue;
            }

            var authorised = detention.AuthorisedAt.UtcTicks;
            if (detention.AppropriateAdultArrivedAt?.UtcTicks < authorised || detention.ReleasedAt?.UtcTicks < authorised)
            {
                problems++;
            }

            var interviews = detention.Interviews;
            for (var k = 0; k < interviews.Count; k++)
            {
                var interview = interviews[k];
                if (interview is null || interview.StartedAt.UtcTicks < authorised)
                {
                    problems++;
                    continue;
                }

                var second = interview.StartedAt.UtcTicks / TimeSpan.TicksPerSecond;
                for (var j = 0; j < k; j++)
                {
                    if (interviews[j] is { } other && other.StartedAt.UtcTicks / TimeSpan.TicksPerSecond == second)
                    {
                        problems++;
                        break;
                    }
                }
            }
        }

        var protections = snapshot.PoliceProtections;
        ids = new HashSet<string>(protections.Count, StringComparer.Ordinal);
        foreach (var protection in protections)
        {
            if (protection is null || string.IsNullOrEmpty(protection.Id) || !ids.Add(protection.Id))
            {
                problems++;
                continue;
            }

            problems += BadTeam(protection.TeamId, listedTeams);
            var started = protection.StartedAt.UtcTicks;
            if (protection.LocalAuthorityInformedAt?.UtcTicks < started || protection.EndedAt?.UtcTicks < started)
            {
                problems++;
            }
        }

        return problems;
    }

    private static int BadTeam(string? teamId, Dictionary<string, int>? listedTeams) =>
        teamId is not null && (teamId.Length == 0 || (listedTeams is not null && !listedTeams.ContainsKey(teamId))) ? 1 : 0;

    /// <summary>The six kinds into their buckets, and the two outcome measures' figures.</summary>
    private static ChildProtectionTallies EvaluateChildProtection(CaseloadSnapshot snapshot, DateOnly asOf, DateTimeOffset asOfInstant, ChildProtectionPolicy policy, List<Entry>[] buckets)
    {
        var day = asOf.DayNumber;
        var nonWorking = policy.NonWorkingDays.Count == 0 ? null : new HashSet<int>(Days(policy.NonWorkingDays));
        int measured = 0, onTime = 0;
        foreach (var discussion in snapshot.StrategyDiscussions)
        {
            var held = discussion.HeldOn.DayNumber;
            if (held > day)
            {
                continue;
            }

            var due = WorkingDaysAfter(held, policy.StrategyOutcomeWorkingDays, nonWorking);
            var recorded = discussion.OutcomeRecordedOn is { } r && r.DayNumber <= day ? r.DayNumber : None;
            if (due != None && due < day)
            {
                measured++;
                if (recorded != None && recorded <= due)
                {
                    onTime++;
                }
            }

            if (recorded == None && due != None && day > due)
            {
                var dueOn = DateOnly.FromDayNumber(due);
                buckets[KindStrategyOutcomeNotRecorded].Add(new Entry(0, string.Empty, new Finding
                {
                    Kind = FindingKinds.StrategyOutcomeNotRecorded,
                    Rule = RuleNames.StrategyOutcomeNotRecorded,
                    Reason = "Strategy discussion " + discussion.Id + " held " + Date(discussion.HeldOn) + ": outcome due " + Date(dueOn) + ", not recorded; " + Number(day - due) + " days overdue.",
                    DiscussionId = discussion.Id,
                    TeamId = discussion.TeamId,
                    HeldOn = discussion.HeldOn,
                    DueOn = dueOn,
                    DaysOverdue = day - due,
                }));
            }

            foreach (var action in discussion.Actions)
            {
                if (action.Owner == ActionOwner.Police && !(action.CompletedOn is { } done && done.DayNumber <= day) && day > action.DueOn.DayNumber)
                {
                    var days = day - action.DueOn.DayNumber;
                    buckets[KindStrategyActionOverdue].Add(new Entry(0, string.Empty, new Finding
                    {
                        Kind = FindingKinds.StrategyActionOverdue,
                        Rule = RuleNames.StrategyActionOverdue,
                        Reason = "Strategy discussion " + discussion.Id + ": police action " + action.Id + " due " + Date(action.DueOn) + ", not completed; " + Number(days) + " days overdue.",
                        DiscussionId = discussion.Id,
                        ActionId = action.Id,
                        TeamId = discussion.TeamId,
                        DueOn = action.DueOn,
                        DaysOverdue = days,
                    }));
                }
            }
        }

        var t = asOfInstant.UtcTicks;
        var alert = policy.AppropriateAdultAlertMinutes;
        var inspector = policy.AppropriateAdultInspectorMinutes;
        var waits = new List<int>();
        foreach (var detention in snapshot.Detentions)
        {
            var authorised = detention.AuthorisedAt.UtcTicks;
            if (authorised > t || !detention.Juvenile)
            {
                continue;
            }

            var arrived = detention.AppropriateAdultArrivedAt is { } a && a.UtcTicks <= t ? a.UtcTicks : long.MaxValue;
            var released = detention.ReleasedAt is { } r && r.UtcTicks <= t ? r.UtcTicks : long.MaxValue;
            var end = Math.Min(t, Math.Min(arrived, released));
            var minutes = Minutes(authorised, end);
            if (arrived != long.MaxValue && arrived <= released)
            {
                waits.Add(minutes);
            }

            if (minutes > alert)
            {
                var awaiting = arrived == long.MaxValue && released == long.MaxValue;
                var level = minutes > inspector ? EscalationLevel.Inspector : EscalationLevel.Supervisor;
                buckets[KindAppropriateAdultDelayed].Add(new Entry(0, string.Empty, new Finding
                {
                    Kind = FindingKinds.AppropriateAdultDelayed,
                    Rule = RuleNames.AppropriateAdultDelayed,
                    Reason = "Detention " + detention.Id + " at custody suite " + detention.CustodySuiteId + ": juvenile waited " + Number(minutes) + " min for an appropriate adult"
                        + (awaiting ? " and is still waiting" : string.Empty) + "; alert after " + Number(alert) + " min, inspector after " + Number(inspector) + " min; escalated to " + level + ".",
                    DetentionId = detention.Id,
                    CustodySuiteId = detention.CustodySuiteId,
                    AuthorisedAt = Output(authorised),
                    MinutesWaited = minutes,
                    Awaiting = awaiting,
                    EscalateTo = level,
                }));
            }

            foreach (var interview in detention.Interviews)
            {
                if (interview.StartedAt.UtcTicks <= t && !interview.AppropriateAdultPresent && !interview.UrgentInterviewAuthorised)
                {
                    var started = Output(interview.StartedAt.UtcTicks);
                    buckets[KindInterviewWithoutAppropriateAdult].Add(new Entry(0, string.Empty, new Finding
                    {
                        Kind = FindingKinds.InterviewWithoutAppropriateAdult,
                        Rule = RuleNames.InterviewWithoutAppropriateAdult,
                        Reason = "Detention " + detention.Id + " at custody suite " + detention.CustodySuiteId + ": juvenile interviewed from "
                            + started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC without an appropriate adult, no urgent interview authorised.",
                        DetentionId = detention.Id,
                        CustodySuiteId = detention.CustodySuiteId,
                        InterviewStartedAt = started,
                    }));
                }
            }
        }

        var maxMinutes = (long)policy.PoliceProtectionMaxHours * 60;
        var informMinutes = policy.LocalAuthorityInformMinutes;
        foreach (var protection in snapshot.PoliceProtections)
        {
            var started = protection.StartedAt.UtcTicks;
            if (started > t)
            {
                continue;
            }

            var ended = protection.EndedAt is { } e && e.UtcTicks <= t ? e.UtcTicks : t;
            var informed = protection.LocalAuthorityInformedAt is { } i && i.UtcTicks <= t ? i.UtcTicks : long.MaxValue;
            var inProtection = Minutes(started, ended);
            if (inProtection > maxMinutes)
            {
                buckets[KindPoliceProtectionExceeded].Add(new Entry(0, string.Empty, new Finding
                {
                    Kind = FindingKinds.PoliceProtectionExceeded,
                    Rule = RuleNames.PoliceProtectionExceeded,
                    Reason = "Police protection " + protection.Id + ": " + Number(inProtection / 60) + " h in protection; the limit is " + Number(policy.PoliceProtectionMaxHours) + " h.",
                    ProtectionId = protection.Id,
                    TeamId = protection.TeamId,
                    StartedAt = Output(started),
                    HoursInProtection = inProtection / 60,
                }));
            }

            var toInform = Minutes(started, informed == long.MaxValue ? t : informed);
            if (toInform > informMinutes)
            {
                buckets[KindLocalAuthorityNotInformed].Add(new Entry(0, string.Empty, new Finding
                {
                    Kind = FindingKinds.LocalAuthorityNotInformed,
                    Rule = RuleNames.LocalAuthorityNotInformed,
                    Reason = "Police protection " + protection.Id + ": local authority " + (informed == long.MaxValue ? "not informed, " : "informed after ") + Number(toInform) + " min; the limit is " + Number(informMinutes) + " min.",
                    ProtectionId = protection.Id,
                    TeamId = protection.TeamId,
                    StartedAt = Output(started),
                    MinutesToInform = toInform,
                    Awaiting = informed == long.MaxValue,
                }));
            }
        }

        return new ChildProtectionTallies(measured, onTime, waits);
    }

    private static IEnumerable<int> Days(IList<DateOnly> dates)
    {
        foreach (var date in dates)
        {
            yield return date.DayNumber;
        }
    }

    /// <summary>The Nth working day strictly after <paramref name="day"/> (Monday to Friday, less the non-working days); <see cref="None"/> past the calendar.</summary>
    private static int WorkingDaysAfter(int day, int days, HashSet<int>? nonWorking)
    {
        var max = DateOnly.MaxValue.DayNumber;
        var counted = 0;
        while (counted < days)
        {
            if (day == max)
            {
                return None;
            }

            day++;

            // Day number 0 (0001-01-01) is a Monday.
            var weekday = day % 7;
            if (weekday < 5 && (nonWorking is null || !nonWorking.Contains(day)))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Whole minutes from one instant to another (floor).</summary>
    private static int Minutes(long fromTicks, long toTicks)
    {
        var ticks = toTicks - fromTicks;
        var minutes = ticks >= 0 ? ticks / TimeSpan.TicksPerMinute : -((-ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);
        return (int)Math.Clamp(minutes, int.MinValue, int.MaxValue);
    }

    /// <summary>An instant as the output writes it: UTC, fractions of a second dropped.</summary>
    private static DateTimeOffset Output(long utcTicks) => new(utcTicks - (utcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>The child-protection outcome measures' figures.</summary>
    private sealed record ChildProtectionTallies(int DiscussionsMeasured, int OutcomesOnTime, List<int> WaitsEndedByArrival);

    /// <summary>Child-protection kinds: team id (absent first), then the kind's identity parts (instants by time).</summary>
    private sealed class ChildProtectionOrder : IComparer<Entry>
    {
        public static readonly ChildProtectionOrder Instance = new();

        public int Compare(Entry x, Entry y)
        {
            var a = x.Finding;
            var b = y.Finding;
            var c = string.CompareOrdinal(a.TeamId, b.TeamId);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.DiscussionId, b.DiscussionId);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.ActionId, b.ActionId);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.DetentionId, b.DetentionId);
            }

            if (c == 0)
            {
                c = Nullable.Compare(a.InterviewStartedAt, b.InterviewStartedAt);
            }

            return c != 0 ? c : string.CompareOrdinal(a.ProtectionId, b.ProtectionId);
        }
    }
}
