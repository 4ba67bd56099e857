using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.TestSupport.Oracle;

/// <summary>
/// The reference implementation (test oracle) of contract sections 2, 5, 6 and the overrides of 8 for a valid snapshot
/// (section 3 holds, and every override is valid for the policy):
/// plain loops and dictionaries, written from the contract's text alone, in linear time apart from the final sort.
/// It is the other half of the differential tests and the floor of the benchmarks.
/// </summary>
public static partial class ReferenceEvaluator
{
    /// <summary>The value of <see cref="Finding.Rule"/> and <see cref="Finding.Reason"/> on the oracle's findings (they are not compared).</summary>
    public const string Placeholder = "oracle";

    /// <summary>Evaluates <paramref name="snapshot"/> as of the caller's date <paramref name="asOf"/> (so the as-of instant is the end of that day in UK time) under <paramref name="policy"/>.</summary>
    /// <param name="snapshot">A snapshot valid per contract section 3 (unique ids, references resolve, numbers in range).</param>
    /// <param name="asOf">The as-of date D.</param>
    /// <param name="policy">A valid policy.</param>
    /// <returns>The findings in contract order and the summary figures.</returns>
    public static OracleReport Evaluate(CaseloadSnapshot snapshot, DateOnly asOf, SafeguardingPolicy policy) =>
        Evaluate(snapshot, asOf, EndOfUkDay(asOf), policy);

    /// <summary>Evaluates <paramref name="snapshot"/> as of date D and instant T (see <see cref="AsOfFor"/>) under <paramref name="policy"/>.</summary>
    /// <param name="snapshot">A snapshot valid per contract section 3 (unique ids, references resolve, numbers in range).</param>
    /// <param name="asOf">The as-of date D: dates are cut at it.</param>
    /// <param name="asOfInstant">The as-of instant T: instants are cut at it.</param>
    /// <param name="policy">A valid policy.</param>
    /// <returns>The findings in contract order and the summary figures.</returns>
    public static OracleReport Evaluate(CaseloadSnapshot snapshot, DateOnly asOf, DateTimeOffset asOfInstant, SafeguardingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);

        var offenders = snapshot.Offenders;
        var count = offenders.Count;

        // Managers: their team, and their caseload (filled in below).
        var teamOfManager = new Dictionary<string, string?>(StringComparer.Ordinal);
        var caseloadOfManager = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var manager in snapshot.Managers)
        {
            teamOfManager[manager.Id] = manager.TeamId;
            caseloadOfManager[manager.Id] = 0;
        }

        // Offenders registered by D take part; the others are not yet registered and are left out of everything.
        var registered = new bool[count];
        var indexOfOffender = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var notYetRegistered = 0;
        for (var i = 0; i < count; i++)
        {
            if (offenders[i].RegisteredOn > asOf)
            {
                notYetRegistered++;
                continue;
            }

            registered[i] = true;
            indexOfOffender[offenders[i].Id] = i;
        }

        // Visits dated after D do not exist. First pass: each visit's offender (-1 when the visit does not count)
        // and each offender's latest Completed visit.
        var visits = snapshot.Visits;
        var offenderOfVisit = new int[visits.Count];
        var latestCompleted = new DateOnly?[count];
        for (var v = 0; v < visits.Count; v++)
        {
            var visit = visits[v];
            if (visit.Date > asOf || !indexOfOffender.TryGetValue(visit.OffenderId, out var i))
            {
                offenderOfVisit[v] = -1;
                continue;
            }

            offenderOfVisit[v] = i;
            if (visit.Outcome == VisitOutcome.Completed && (latestCompleted[i] is null || visit.Date > latestCompleted[i]))
            {
                latestCompleted[i] = visit.Date;
            }
        }

        // Second pass: NoAccess visits strictly after the latest Completed visit (all of them when there is none).
        var noAccessSinceCompleted = new int[count];
        for (var v = 0; v < visits.Count; v++)
        {
            var i = offenderOfVisit[v];
            if (i >= 0 && visits[v].Outcome == VisitOutcome.NoAccess && (latestCompleted[i] is null || visits[v].Date > latestCompleted[i]))
            {
                noAccessSinceCompleted[i]++;
            }
        }

        // Caseload: offenders assigned to the manager, registered by D and not in custody (reactive management included).
        for (var i = 0; i < count; i++)
        {
            var offender = offenders[i];
            if (registered[i] && offender.ManagerId is { } managerId && !offender.InCustody)
            {
                caseloadOfManager[managerId]++;
            }
        }

        var findings = new List<Finding>();
        var critical = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manager in snapshot.Managers)
        {
            var caseload = caseloadOfManager[manager.Id];
            if (caseload > policy.Caseload.Critical)
            {
                critical.Add(manager.Id);
                findings.Add(CaseloadFinding("CaseloadCritical", manager, caseload));
            }
            else if (caseload > policy.Caseload.Target)
            {
                findings.Add(CaseloadFinding("CaseloadAboveTarget", manager, caseload));
            }
        }

        // Per offender: visits, reactive management, allocation, risk review; and the briefing reference date.
        var needsVisits = new bool[count];
        var overdue = new bool[count];
        var briefingReference = new DateOnly?[count];
        var overdueByTeam = new Dictionary<string, int>(StringComparer.Ordinal);
        var daysOverdueAll = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (!registered[i])
            {
                continue;
            }

            var offender = offenders[i];
            var managerId = offender.ManagerId;
            var teamId = managerId is null ? null : teamOfManager[managerId];
            var releasedOn = AsOfOrAbsent(offender.ReleasedOn, asOf);
            var start = releasedOn is { } released && released > offender.RegisteredOn ? released : offender.RegisteredOn;

            needsVisits[i] = !offender.InCustody && !(offender.ReactiveManagement && offender.RiskLevel == RiskLevel.Low);
            if (needsVisits[i])
            {
                var interval = offender.VisitIntervalDays ?? IntervalFor(policy.VisitIntervalDays, offender.RiskLevel);
                var dueDay = latestCompleted[i] is { } last && last >= start
                    ? (long)last.DayNumber + interval
                    : (long)start.DayNumber + policy.FirstVisitDays;
                var repeatedNoAccess = noAccessSinceCompleted[i] >= policy.RepeatedNoAccessVisits;

                // A due date after the calendar's last day (9999-12-31) is never reached: neither overdue nor due soon.
                var due = dueDay <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)dueDay) : (DateOnly?)null;
                var daysPastDue = due is { } dueOn ? asOf.DayNumber - dueOn.DayNumber : 0;
                if (due is not null && daysPastDue > 0)
                {
                    overdue[i] = true;
                    daysOverdueAll.Add(daysPastDue);
                    var managerCritical = managerId is not null && critical.Contains(managerId);
                    findings.Add(new Finding
                    {
                        Kind = "VisitOverdue",
                        Rule = Placeholder,
                        Reason = Placeholder,
                        OffenderId = offender.Id,
                        ManagerId = managerId,
                        TeamId = teamId,
                        RiskLevel = offender.RiskLevel,
                        DueOn = due,
                        DaysOverdue = daysPastDue,
                        EscalateTo = EscalationFor(daysPastDue, offender.RiskLevel, repeatedNoAccess, managerCritical, policy.Escalation),
                    });
                    if (teamId is not null)
                    {
                        overdueByTeam[teamId] = overdueByTeam.GetValueOrDefault(teamId) + 1;
                    }
                }
                else if (due is not null && -daysPastDue <= policy.DueSoonDays)
                {
                    findings.Add(new Finding
                    {
                        Kind = "VisitDueSoon",
                        Rule = Placeholder,
                        Reason = Placeholder,
                        OffenderId = offender.Id,
                        ManagerId = managerId,
                        TeamId = teamId,
                        RiskLevel = offender.RiskLevel,
                        DueOn = due,
                        DaysUntilDue = -daysPastDue,
                    });
                }

                if (repeatedNoAccess)
                {
                    findings.Add(new Finding
                    {
                        Kind = "RepeatedNoAccess",
                        Rule = Placeholder,
                        Reason = Placeholder,
                        OffenderId = offender.Id,
                        ManagerId = managerId,
                        TeamId = teamId,
                        RiskLevel = offender.RiskLevel,
                        NoAccessVisits = noAccessSinceCompleted[i],
                    });
                }
            }

            if (offender.ReactiveManagement && offender.RiskLevel != RiskLevel.Low)
            {
                findings.Add(new Finding
                {
                    Kind = "ReactiveManagementIneligible",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    OffenderId = offender.Id,
                    ManagerId = managerId,
                    TeamId = teamId,
                    RiskLevel = offender.RiskLevel,
                });
            }

            if (managerId is null)
            {
                findings.Add(new Finding
                {
                    Kind = "Unallocated",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    OffenderId = offender.Id,
                    RiskLevel = offender.RiskLevel,
                });
            }

            if (offender.InCustody)
            {
                continue;
            }

            // Community checks.
            var assessedOn = AsOfOrAbsent(offender.RiskAssessedOn, asOf);
            var reviewDueDay = assessedOn is { } assessed
                ? (long)assessed.DayNumber + policy.RiskReviewDays
                : (long)offender.RegisteredOn.DayNumber + policy.InitialAssessmentDays;
            if (reviewDueDay < asOf.DayNumber && DateOnly.FromDayNumber((int)reviewDueDay) is var reviewDue)
            {
                findings.Add(new Finding
                {
                    Kind = "RiskReviewOverdue",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    OffenderId = offender.Id,
                    ManagerId = managerId,
                    TeamId = teamId,
                    RiskLevel = offender.RiskLevel,
                    DueOn = reviewDue,
                });
            }

            if (offender.NeighbourhoodId is not null)
            {
                briefingReference[i] = AsOfOrAbsent(offender.MovedIntoNeighbourhoodOn, asOf) ?? start;
            }
        }

        // Briefings dated after D do not exist; one for the offender's neighbourhood on or after the reference date counts.
        var briefed = new bool[count];
        foreach (var briefing in snapshot.Briefings)
        {
            if (briefing.Date > asOf || !indexOfOffender.TryGetValue(briefing.OffenderId, out var i))
            {
                continue;
            }

            if (briefingReference[i] is { } reference
                && briefing.Date >= reference
                && string.Equals(briefing.NeighbourhoodId, offenders[i].NeighbourhoodId, StringComparison.Ordinal))
            {
                briefed[i] = true;
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (briefingReference[i] is not { } reference || briefed[i]
                || asOf.DayNumber - reference.DayNumber <= policy.NeighbourhoodBriefingDays)
            {
                continue;
            }

            var offender = offenders[i];
            findings.Add(new Finding
            {
                Kind = "NeighbourhoodNotBriefed",
                Rule = Placeholder,
                Reason = Placeholder,
                OffenderId = offender.Id,
                ManagerId = offender.ManagerId,
                TeamId = offender.ManagerId is null ? null : teamOfManager[offender.ManagerId],
                NeighbourhoodId = offender.NeighbourhoodId,
                Since = reference,
            });
        }

        // Unit backlog: teams from the teams list, or from the managers' team ids when the snapshot has none.
        var teamIds = snapshot.Teams is { } teams
            ? teams.Select(static t => t.Id).ToList()
            : snapshot.Managers.Where(static m => m.TeamId is not null).Select(static m => m.TeamId!).Distinct(StringComparer.Ordinal).ToList();
        var caseloadOfTeam = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var teamId in teamIds)
        {
            caseloadOfTeam[teamId] = 0;
        }

        foreach (var manager in snapshot.Managers)
        {
            if (manager.TeamId is { } teamId && caseloadOfTeam.ContainsKey(teamId))
            {
                caseloadOfTeam[teamId] += caseloadOfManager[manager.Id];
            }
        }

        foreach (var teamId in teamIds)
        {
            var teamOverdue = overdueByTeam.GetValueOrDefault(teamId);
            var teamCaseload = caseloadOfTeam[teamId];
            if (teamOverdue * 100m > policy.Escalation.UnitBacklogPercent * teamCaseload)
            {
                findings.Add(new Finding
                {
                    Kind = "UnitBacklog",
                    Rule = Placeholder,
                    Reason = Placeholder,
                    TeamId = teamId,
                    OverdueVisits = teamOverdue,
                    Caseload = teamCaseload,
                });
            }
        }

        var childProtection = EvaluateChildProtection(snapshot, asOf, asOfInstant, policy.ChildProtection);
        findings.AddRange(childProtection.Findings);
        findings.Sort(OracleFindingOrder.Instance);

        // Overrides (section 8) change what is reported, never what is true: outcomes above are already computed.
        var (reported, suppressed) = ApplyOverrides(findings, snapshot.Overrides, asOf);

        return new OracleReport
        {
            Findings = reported,
            Suppressed = suppressed,
            Offenders = count,
            Evaluated = count - notYetRegistered,
            NotYetRegistered = notYetRegistered,
            FindingsByKind = CountByKind(reported),
            Escalations = CountByEscalation(reported),
            VisitedWithinPolicyPercent = VisitedWithinPolicy(offenders, registered, needsVisits, overdue),
            MedianDaysOverdue = Median(daysOverdueAll),
            MaxDaysOverdue = daysOverdueAll.Count == 0 ? null : daysOverdueAll.Max(),
            StrategyOutcomesRecordedOnTimePercent = childProtection.StrategyOutcomesOnTimePercent,
            MedianAppropriateAdultWaitMinutes = childProtection.MedianWait,
            MaxAppropriateAdultWaitMinutes = childProtection.MaxWait,
        };
    }

    /// <summary>The escalation level of a VisitOverdue finding (contract section 2): the highest level whose condition holds.</summary>
    /// <param name="daysOverdue">Days overdue (at least 1).</param>
    /// <param name="riskLevel">The offender's risk level.</param>
    /// <param name="repeatedNoAccess">Whether RepeatedNoAccess holds for the offender.</param>
    /// <param name="managerCritical">Whether the offender's manager is CaseloadCritical.</param>
    /// <param name="policy">The escalation thresholds.</param>
    /// <returns>The level.</returns>
    public static EscalationLevel EscalationFor(int daysOverdue, RiskLevel riskLevel, bool repeatedNoAccess, bool managerCritical, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var highRisk = riskLevel is RiskLevel.High or RiskLevel.VeryHigh;
        if (daysOverdue > policy.InspectorAfterDays || (highRisk && daysOverdue > policy.HighRiskInspectorAfterDays))
        {
            return EscalationLevel.DetectiveInspector;
        }

        if (daysOverdue > policy.SupervisorAfterDays || riskLevel == RiskLevel.VeryHigh || repeatedNoAccess || managerCritical)
        {
            return EscalationLevel.Supervisor;
        }

        return EscalationLevel.OffenderManager;
    }

    /// <summary>
    /// Section 8, read literally: for each finding, the overrides naming its id; an active one (from &lt;= D &lt;= until) with
    /// the latest until, the first in snapshot order among equals, moves it to suppressed; otherwise the latest until of
    /// those that ended before D becomes its overrideExpiredOn.
    /// </summary>
    private static (List<Finding> Reported, List<SuppressedFinding> Suppressed) ApplyOverrides(List<Finding> findings, IReadOnlyList<Override> overrides, DateOnly asOf)
    {
        var reported = new List<Finding>(findings.Count);
        var suppressed = new List<SuppressedFinding>();
        var byFindingId = overrides.ToLookup(static o => o.FindingId, StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            Override? active = null;
            DateOnly? expired = null;
            foreach (var entry in byFindingId[IdOf(finding)])
            {
                if (entry.From <= asOf && asOf <= entry.Until)
                {
                    if (active is null || entry.Until > active.Until)
                    {
                        active = entry;
                    }
                }
                else if (entry.Until < asOf && (expired is null || entry.Until > expired))
                {
                    expired = entry.Until;
                }
            }

            if (active is not null)
            {
                suppressed.Add(new SuppressedFinding(finding, active.Id, active.Until));
            }
            else
            {
                reported.Add(expired is null ? finding : finding with { OverrideExpiredOn = expired });
            }
        }

        return (reported, suppressed);
    }

    /// <summary>A finding's id as section 7 defines it, for the contract's kinds, computed from the fields alone.</summary>
    /// <param name="finding">A finding of a contract kind.</param>
    /// <returns>The kind and its identity parts joined by ':', each part with '%' written '%25' and ':' written '%3A'.</returns>
    public static string IdOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string?[] parts = finding.Kind switch
        {
            "NeighbourhoodNotBriefed" => [finding.OffenderId, finding.NeighbourhoodId],
            "CaseloadAboveTarget" or "CaseloadCritical" => [finding.ManagerId],
            "UnitBacklog" => [finding.TeamId],
            "StrategyOutcomeNotRecorded" => [finding.DiscussionId],
            "StrategyActionOverdue" => [finding.DiscussionId, finding.ActionId],
            "AppropriateAdultDelayed" => [finding.DetentionId],
            "InterviewWithoutAppropriateAdult" => [finding.DetentionId, OutputInstant(finding.InterviewStartedAt!.Value)],
            "PoliceProtectionExceeded" or "LocalAuthorityNotInformed" => [finding.ProtectionId],
            "DataQuality" => [finding.Array ?? "offenders", "#" + finding.Index?.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            _ => [finding.OffenderId],
        };
        return string.Join(':', [finding.Kind, .. parts.Select(static p => p!.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal))]);
    }

    private static DateOnly? AsOfOrAbsent(DateOnly? date, DateOnly asOf) => date is { } d && d <= asOf ? d : null;

    private static int IntervalFor(VisitIntervalPolicy intervals, RiskLevel riskLevel) => riskLevel switch
    {
        RiskLevel.VeryHigh => intervals.VeryHigh,
        RiskLevel.High => intervals.High,
        RiskLevel.Medium => intervals.Medium,
        RiskLevel.Low => intervals.Low,
        _ => throw new ArgumentOutOfRangeException(nameof(riskLevel), riskLevel, "Unknown risk level."),
    };

    private static Finding CaseloadFinding(string kind, Manager manager, int caseload) => new()
    {
        Kind = kind,
        Rule = Placeholder,
        Reason = Placeholder,
        ManagerId = manager.Id,
        TeamId = manager.TeamId,
        Caseload = caseload,
    };

    private static Dictionary<string, int> CountByKind(List<Finding> findings)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in OracleFindingOrder.KindsInTableOrder)
        {
            counts[kind] = 0;
        }

        foreach (var finding in findings)
        {
            counts[finding.Kind] = counts.GetValueOrDefault(finding.Kind) + 1;
        }

        return counts;
    }

    private static Dictionary<EscalationLevel, int> CountByEscalation(List<Finding> findings)
    {
        var counts = new Dictionary<EscalationLevel, int>
        {
            [EscalationLevel.OffenderManager] = 0,
            [EscalationLevel.Supervisor] = 0,
            [EscalationLevel.DetectiveInspector] = 0,
        };
        foreach (var finding in findings)
        {
            // Escalations count VisitOverdue findings only (an AppropriateAdultDelayed finding's escalateTo is not one).
            if (finding.Kind == "VisitOverdue" && finding.EscalateTo is { } level)
            {
                counts[level]++;
            }
        }

        return counts;
    }

    private static Dictionary<RiskLevel, decimal> VisitedWithinPolicy(IReadOnlyList<Offender> offenders, bool[] registered, bool[] needsVisits, bool[] overdue)
    {
        var needing = new Dictionary<RiskLevel, long>();
        var withinPolicy = new Dictionary<RiskLevel, long>();
        for (var i = 0; i < offenders.Count; i++)
        {
            if (!registered[i] || !needsVisits[i])
            {
                continue;
            }

            var level = offenders[i].RiskLevel;
            needing[level] = needing.GetValueOrDefault(level) + 1;
            if (!overdue[i])
            {
                withinPolicy[level] = withinPolicy.GetValueOrDefault(level) + 1;
            }
        }

        // 100 x ok / need to one decimal place, halves away from zero, in exact integer arithmetic:
        // tenths = floor(1000 x ok / need + 1/2) = floor((2000 x ok + need) / (2 x need)).
        var percent = new Dictionary<RiskLevel, decimal>();
        foreach (var (level, need) in needing)
        {
            var ok = withinPolicy.GetValueOrDefault(level);
            var tenths = ((2000 * ok) + need) / (2 * need);
            percent[level] = tenths / 10m;
        }

        return percent;
    }

    private static decimal? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1
            ? sorted[middle]
            : (sorted[middle - 1] + (decimal)sorted[middle]) / 2m;
    }
}
