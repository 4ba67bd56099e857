using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// The drift test's model: a plain snapshot the same changes are applied to, independently of the monitor, so that
/// a full evaluation of it says what the monitor should hold.
/// </summary>
internal sealed class MonitorModel
{
    public MonitorModel(CaseloadSnapshot snapshot, DateOnly asOf)
    {
        Teams = snapshot.Teams?.ToList();
        Managers = snapshot.Managers.ToList();
        Offenders = snapshot.Offenders.ToList();
        Visits = snapshot.Visits.ToList();
        Briefings = snapshot.Briefings.ToList();
        Discussions = snapshot.StrategyDiscussions.ToList();
        Detentions = snapshot.Detentions.ToList();
        Protections = snapshot.PoliceProtections.ToList();
        Overrides = snapshot.Overrides.ToList();
        ExtractedAt = snapshot.ExtractedAt;
        AsOf = asOf;
    }

    public List<Team>? Teams { get; }

    public List<Manager> Managers { get; }

    public List<Offender> Offenders { get; }

    public List<Visit> Visits { get; }

    public List<Briefing> Briefings { get; }

    public List<StrategyDiscussion> Discussions { get; }

    public List<Detention> Detentions { get; }

    public List<PoliceProtection> Protections { get; }

    public List<Override> Overrides { get; }

    /// <summary>The snapshot's extraction instant while the as-of date is still the snapshot's (then it is the as-of instant T); none after a new day.</summary>
    public DateTimeOffset? ExtractedAt { get; private set; }

    public DateOnly AsOf { get; private set; }

    /// <summary>The caller's as-of date for the equivalent evaluation: none while T is the snapshot's <c>extractedAt</c>.</summary>
    public DateOnly? CallerAsOf => ExtractedAt is null ? AsOf : null;

    public CaseloadSnapshot Snapshot() => new()
    {
        AsOf = AsOf,
        ExtractedAt = ExtractedAt,
        Teams = Teams?.ToList(),
        Managers = Managers.ToList(),
        Offenders = Offenders.ToList(),
        Visits = Visits.ToList(),
        Briefings = Briefings.ToList(),
        StrategyDiscussions = Discussions.ToList(),
        Detentions = Detentions.ToList(),
        PoliceProtections = Protections.ToList(),
        Overrides = Overrides.ToList(),
    };

    public bool HoldsOffenders(string managerId) => Offenders.Any(o => o.ManagerId == managerId);

    public void Apply(MonitorChange change)
    {
        switch (change)
        {
            case OffenderAdded added:
                Offenders.Add(added.Offender);
                break;
            case OffenderUpdated updated:
                Offenders[Offenders.FindIndex(o => o.Id == updated.Offender.Id)] = updated.Offender;
                break;
            case OffenderRemoved removed:
                Offenders.RemoveAll(o => o.Id == removed.OffenderId);
                Visits.RemoveAll(v => v.OffenderId == removed.OffenderId);
                Briefings.RemoveAll(b => b.OffenderId == removed.OffenderId);
                break;
            case OffenderReassigned reassigned:
                var at = Offenders.FindIndex(o => o.Id == reassigned.OffenderId);
                Offenders[at] = Offenders[at] with { ManagerId = reassigned.ManagerId };
                break;
            case VisitRecorded visit:
                Visits.Add(visit.Visit);
                break;
            case BriefingRecorded briefing:
                Briefings.Add(briefing.Briefing);
                break;
            case ManagerAdded manager:
                Managers.Add(manager.Manager);
                break;
            case ManagerMoved moved:
                var m = Managers.FindIndex(x => x.Id == moved.ManagerId);
                Managers[m] = Managers[m] with { TeamId = moved.TeamId };
                break;
            case ManagerRemoved gone:
                Managers.RemoveAll(x => x.Id == gone.ManagerId);
                break;
            case StrategyDiscussionRecorded discussion:
                Upsert(Discussions, discussion.Discussion, static d => d.Id);
                break;
            case DetentionRecorded detention:
                Upsert(Detentions, detention.Detention, static d => d.Id);
                break;
            case PoliceProtectionRecorded protection:
                Upsert(Protections, protection.Protection, static p => p.Id);
                break;
            case OverrideAdded added:
                Overrides.Add(added.Override);
                break;
            case OverrideRemoved removed:
                Overrides.RemoveAll(o => o.Id == removed.OverrideId);
                break;
            case AsOfAdvanced date:
                if (date.AsOf != AsOf)
                {
                    AsOf = date.AsOf;
                    ExtractedAt = null;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name);
        }
    }

    /// <summary>A record replaces the one with its id in place (its position in the array kept), else is appended.</summary>
    private static void Upsert<T>(List<T> records, T record, Func<T, string> id)
    {
        var at = records.FindIndex(r => id(r) == id(record));
        if (at >= 0)
        {
            records[at] = record;
        }
        else
        {
            records.Add(record);
        }
    }
}
