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
        AsOf = asOf;
    }

    public List<Team>? Teams { get; }

    public List<Manager> Managers { get; }

    public List<Offender> Offenders { get; }

    public List<Visit> Visits { get; }

    public List<Briefing> Briefings { get; }

    public DateOnly AsOf { get; private set; }

    public CaseloadSnapshot Snapshot() => new()
    {
        AsOf = AsOf,
        Teams = Teams?.ToList(),
        Managers = Managers.ToList(),
        Offenders = Offenders.ToList(),
        Visits = Visits.ToList(),
        Briefings = Briefings.ToList(),
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
            case AsOfAdvanced date:
                AsOf = date.AsOf;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name);
        }
    }
}
