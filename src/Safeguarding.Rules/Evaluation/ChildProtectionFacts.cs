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
/// <remarks>
/// With a match filter, only the facts that can match a rule are returned (most cannot: an accompanied interview, an
/// action completed on time). Each fact is filled and tested before it is kept, and a fact the filter drops is filled
/// again for the next record, so the dropped ones cost no allocation; their facts' properties are settable inside the
/// library for this.
/// </remarks>
internal static class ChildProtectionFacts
{
    public static List<object> Build(ChildProtectionRecords records, bool includeRejected, DateOnly asOf, DateTimeOffset asOfInstant, PolicyView policy, MatchFilter? filter, out ChildProtectionOutcomes outcomes)
    {
        var facts = new List<object>();
        var discussionTest = filter?.For(typeof(StrategyDiscussionCase));
        var actionTest = filter?.For(typeof(StrategyActionCase));
        var detentionTest = filter?.For(typeof(DetentionCase));
        var interviewTest = filter?.For(typeof(InterviewCase));
        var protectionTest = filter?.For(typeof(PoliceProtectionCase));
        StrategyDiscussionCase? spareDiscussion = null;
        StrategyActionCase? spareAction = null;
        DetentionCase? spareDetention = null;
        InterviewCase? spareInterview = null;
        PoliceProtectionCase? spareProtection = null;
        var cp = policy.ChildProtection;
        int measured = 0, onTime = 0;
        for (var d = 0; d < records.Discussions.Count; d++)
        {
            var discussion = records.Discussions[d];
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

            var discussionCase = spareDiscussion ?? new StrategyDiscussionCase();
            discussionCase.DiscussionId = discussion.Id;
            discussionCase.TeamId = discussion.TeamId;
            discussionCase.HeldOn = discussion.HeldOn;
            discussionCase.DueOn = due;
            discussionCase.OutcomeRecordedOn = recorded;
            discussionCase.AsOf = asOf;
            discussionCase.Policy = policy;
            spareDiscussion = Keep(facts, discussionCase, discussionTest) ? null : discussionCase;
            var actions = records.ActionsOf(d);
            for (var a = 0; a < actions.Count; a++)
            {
                var action = actions[a];
                var actionCase = spareAction ?? new StrategyActionCase();
                actionCase.DiscussionId = discussion.Id;
                actionCase.ActionId = action.Id;
                actionCase.TeamId = discussion.TeamId;
                actionCase.Owner = action.Owner;
                actionCase.DueOn = action.DueOn;
                actionCase.CompletedOn = AsOfInstant.CutAt(action.CompletedOn, asOf);
                actionCase.AsOf = asOf;
                spareAction = Keep(facts, actionCase, actionTest) ? null : actionCase;
            }
        }

        var waits = new List<int>();
        for (var d = 0; d < records.Detentions.Count; d++)
        {
            var detention = records.Detentions[d];
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

            var detentionCase = spareDetention ?? new DetentionCase();
            detentionCase.DetentionId = detention.Id;
            detentionCase.CustodySuiteId = detention.CustodySuiteId;
            detentionCase.Juvenile = detention.Juvenile;
            detentionCase.AuthorisedAt = detention.AuthorisedAt;
            detentionCase.AppropriateAdultArrivedAt = arrived;
            detentionCase.ReleasedAt = released;
            detentionCase.MinutesWaited = minutes;
            detentionCase.Awaiting = AppropriateAdultWait.IsAwaiting(arrived, released);
            detentionCase.AsOfInstant = asOfInstant;
            detentionCase.Policy = policy;
            spareDetention = Keep(facts, detentionCase, detentionTest) ? null : detentionCase;
            var interviews = records.InterviewsOf(d);
            for (var i = 0; i < interviews.Count; i++)
            {
                var interview = interviews[i];
                if (AsOfInstant.IsBy(interview.StartedAt, asOfInstant))
                {
                    var interviewCase = spareInterview ?? new InterviewCase();
                    interviewCase.DetentionId = detention.Id;
                    interviewCase.CustodySuiteId = detention.CustodySuiteId;
                    interviewCase.Juvenile = detention.Juvenile;
                    interviewCase.StartedAt = interview.StartedAt;
                    interviewCase.AppropriateAdultPresent = interview.AppropriateAdultPresent;
                    interviewCase.UrgentInterviewAuthorised = interview.UrgentInterviewAuthorised;
                    spareInterview = Keep(facts, interviewCase, interviewTest) ? null : interviewCase;
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
            var protectionCase = spareProtection ?? new PoliceProtectionCase();
            protectionCase.ProtectionId = protection.Id;
            protectionCase.TeamId = protection.TeamId;
            protectionCase.StartedAt = protection.StartedAt;
            protectionCase.LocalAuthorityInformedAt = informed;
            protectionCase.EndedAt = ended;
            protectionCase.MinutesInProtection = PoliceProtectionClock.MinutesInProtection(protection.StartedAt, ended, asOfInstant);
            protectionCase.MinutesToInform = PoliceProtectionClock.MinutesToInform(protection.StartedAt, informed, asOfInstant);
            protectionCase.AsOfInstant = asOfInstant;
            protectionCase.Policy = policy;
            spareProtection = Keep(facts, protectionCase, protectionTest) ? null : protectionCase;
        }

        if (includeRejected)
        {
            foreach (var rejected in records.Rejected)
            {
                var fact = new RejectedChildProtectionRecord { Array = rejected.Array, Index = rejected.Index, RecordId = rejected.Id, Fields = rejected.Fields };
                if (filter is null || filter.MayMatch(fact))
                {
                    facts.Add(fact);
                }
            }
        }

        outcomes = new ChildProtectionOutcomes(measured, onTime, [.. waits]);
        return facts;
    }

    /// <summary>Adds <paramref name="fact"/> to <paramref name="facts"/> when it can match a rule (no test: always); says whether it did.</summary>
    private static bool Keep(List<object> facts, object fact, Func<object, bool>? test)
    {
        if (test is not null && !MatchFilter.Passes(test, fact))
        {
            return false;
        }

        facts.Add(fact);
        return true;
    }
}
