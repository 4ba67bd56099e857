using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// The working facts of the child-protection records (contract section 6) and their outcome measures. The records are
/// independent facts (no rule joins them to anything), with every date, instant and minute count worked out here by
/// the policy's pure functions, so each rule is one match. Records that have not happened by the as-of date or
/// instant (a discussion held after D, a detention authorised or a protection started after T) give no facts.
/// </summary>
internal static class ChildProtectionFacts
{
    public static List<object> Build(ChildProtectionRecords records, bool includeRejected, DateOnly asOf, DateTimeOffset asOfInstant, PolicyView policy, out ChildProtectionOutcomes outcomes)
    {
        var facts = new List<object>();
        var cp = policy.ChildProtection;
        int measured = 0, onTime = 0;
        foreach (var discussion in records.Discussions)
        {
            if (discussion.HeldOn > asOf)
            {
                continue;
            }

            var due = StrategyOutcomeDeadline.DueOn(discussion.HeldOn, cp.StrategyOutcomeWorkingDays, cp.NonWorkingDays);
            var recorded = AsOfInstant.CutAt(discussion.OutcomeRecordedOn, asOf);
            if (StrategyOutcomeDeadline.IsMeasured(due, asOf))
            {
                measured++;
                if (StrategyOutcomeDeadline.IsOnTime(recorded, due))
                {
                    onTime++;
                }
            }

            facts.Add(new StrategyDiscussionCase
            {
                DiscussionId = discussion.Id,
                TeamId = discussion.TeamId,
                HeldOn = discussion.HeldOn,
                DueOn = due,
                OutcomeRecordedOn = recorded,
                AsOf = asOf,
                Policy = policy,
            });
            foreach (var action in discussion.Actions)
            {
                facts.Add(new StrategyActionCase
                {
                    DiscussionId = discussion.Id,
                    ActionId = action.Id,
                    TeamId = discussion.TeamId,
                    Owner = action.Owner,
                    DueOn = action.DueOn,
                    CompletedOn = AsOfInstant.CutAt(action.CompletedOn, asOf),
                    AsOf = asOf,
                });
            }
        }

        var waits = new List<int>();
        foreach (var detention in records.Detentions)
        {
            if (!AsOfInstant.IsBy(detention.AuthorisedAt, asOfInstant))
            {
                continue;
            }

            var arrived = AsOfInstant.CutAt(detention.AppropriateAdultArrivedAt, asOfInstant);
            var released = AsOfInstant.CutAt(detention.ReleasedAt, asOfInstant);
            var minutes = Elapsed.Minutes(detention.AuthorisedAt, AppropriateAdultWait.End(arrived, released, asOfInstant));
            if (detention.Juvenile && AppropriateAdultWait.EndedWithArrival(arrived, released))
            {
                waits.Add(minutes);
            }

            facts.Add(new DetentionCase
            {
                DetentionId = detention.Id,
                CustodySuiteId = detention.CustodySuiteId,
                Juvenile = detention.Juvenile,
                AuthorisedAt = detention.AuthorisedAt,
                AppropriateAdultArrivedAt = arrived,
                ReleasedAt = released,
                MinutesWaited = minutes,
                Awaiting = AppropriateAdultWait.IsAwaiting(arrived, released),
                AsOfInstant = asOfInstant,
                Policy = policy,
            });
            foreach (var interview in detention.Interviews)
            {
                if (AsOfInstant.IsBy(interview.StartedAt, asOfInstant))
                {
                    facts.Add(new InterviewCase
                    {
                        DetentionId = detention.Id,
                        CustodySuiteId = detention.CustodySuiteId,
                        Juvenile = detention.Juvenile,
                        StartedAt = interview.StartedAt,
                        AppropriateAdultPresent = interview.AppropriateAdultPresent,
                        UrgentInterviewAuthorised = interview.UrgentInterviewAuthorised,
                    });
                }
            }
        }

        foreach (var protection in records.Protections)
        {
            if (!AsOfInstant.IsBy(protection.StartedAt, asOfInstant))
            {
                continue;
            }

            var informed = AsOfInstant.CutAt(protection.LocalAuthorityInformedAt, asOfInstant);
            var ended = AsOfInstant.CutAt(protection.EndedAt, asOfInstant);
            facts.Add(new PoliceProtectionCase
            {
                ProtectionId = protection.Id,
                TeamId = protection.TeamId,
                StartedAt = protection.StartedAt,
                LocalAuthorityInformedAt = informed,
                EndedAt = ended,
                MinutesInProtection = PoliceProtectionClock.MinutesInProtection(protection.StartedAt, ended, asOfInstant),
                MinutesToInform = PoliceProtectionClock.MinutesToInform(protection.StartedAt, informed, asOfInstant),
                AsOfInstant = asOfInstant,
                Policy = policy,
            });
        }

        if (includeRejected)
        {
            foreach (var rejected in records.Rejected)
            {
                facts.Add(new RejectedChildProtectionRecord { Array = rejected.Array, Index = rejected.Index, RecordId = rejected.Id, Fields = rejected.Fields });
            }
        }

        outcomes = new ChildProtectionOutcomes(measured, onTime, [.. waits]);
        return facts;
    }
}
