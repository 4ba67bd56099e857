using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// Draws the drift test's next change from the model's current state: mostly valid changes of every kind, weighted
/// toward visits and reassignments (reassignments lean toward one manager, so that its caseload crosses the critical
/// level and back), child-protection records (<see cref="ChildProtectionChanges"/>) and overrides of current findings,
/// and now and then an invalid one the monitor must reject.
/// </summary>
internal sealed class ChangeGenerator(Random random, MonitorModel model, ChildProtectionChanges childProtection, IReadOnlyCollection<string> overridableKinds)
{
    private int _nextOffender = 900_000;
    private int _nextManager = 9_000;
    private int _nextOverride = 1;

    /// <summary>The latest full evaluation of the model, whose findings the overrides name.</summary>
    public EvaluationReport? Report { get; set; }

    /// <summary>The next change, and whether it is valid.</summary>
    public (MonitorChange Change, bool Valid) Next()
    {
        var roll = random.Next(135);
        var offender = model.Offenders.Count > 0 ? model.Offenders[random.Next(model.Offenders.Count)] : null;
        if (offender is null)
        {
            return (new OffenderAdded(NewOffender()), true);
        }

        if (roll >= 100)
        {
            return roll < 120 ? childProtection.Next(roll - 100) : NextOverride(roll - 120);
        }

        return roll switch
        {
            < 25 => (new VisitRecorded(new Visit { OffenderId = offender.Id, Date = NearDate(), Outcome = (VisitOutcome)random.Next(3) }), true),
            < 32 => (new BriefingRecorded(new Briefing { OffenderId = offender.Id, NeighbourhoodId = random.Next(4) == 0 ? "NPT-999" : offender.NeighbourhoodId ?? "NPT-001", Date = NearDate() }), true),
            < 50 => (new OffenderReassigned(offender.Id, PickManager(lean: true)), true),
            < 60 => (new OffenderUpdated(Vary(offender)), true),
            < 66 => (new OffenderAdded(NewOffender()), true),
            < 70 => (new OffenderRemoved(offender.Id), true),
            < 74 => (new ManagerAdded(new Manager { Id = "OM-" + _nextManager++, TeamId = PickTeam() }), true),
            < 78 when model.Managers.Count > 0 => (new ManagerMoved(model.Managers[random.Next(model.Managers.Count)].Id, PickTeam()), true),
            < 82 when model.Managers.Count > 0 => RemoveManager(),
            < 84 => (new AsOfAdvanced(model.AsOf.AddDays(random.Next(0, 20))), true),
            < 86 => (new VisitRecorded(new Visit { OffenderId = "RSO-NOBODY", Date = model.AsOf, Outcome = VisitOutcome.Completed }), false),
            < 88 => (new OffenderAdded(NewOffender() with { VisitIntervalDays = 0 }), false),
            < 90 => (new OffenderReassigned(offender.Id, "OM-NOBODY"), false),
            < 91 => (new AsOfAdvanced(model.AsOf.AddDays(-1)), false),
            < 92 => (new OffenderAdded(offender), false),
            < 93 when model.Teams is not null => (new ManagerAdded(new Manager { Id = "OM-" + _nextManager++, TeamId = "T-UNLISTED" }), false),
            _ => (new VisitRecorded(new Visit { OffenderId = offender.Id, Date = NearDate(), Outcome = VisitOutcome.Completed }), true),
        };
    }

    /// <summary>An override change (<paramref name="roll"/> from 0 to 14): mostly of a current or suppressed finding, lapsed, active or not yet started.</summary>
    private (MonitorChange, bool) NextOverride(int roll)
    {
        var from = model.AsOf.AddDays(random.Next(-40, 3));
        var entry = new Override
        {
            Id = "OV-T" + _nextOverride++,
            FindingId = PickFindingId(),
            ReasonCode = random.Next(2) == 0 ? "IN_HOSPITAL" : "COURT_ORDER",
            AuthorisedBy = "DS-1",
            From = from,
            Until = from.AddDays(random.Next(0, 45)),
        };
        var existing = model.Overrides.Count > 0 ? model.Overrides[random.Next(model.Overrides.Count)] : null;
        return roll switch
        {
            < 8 => (new OverrideAdded(entry), true),
            < 11 when existing is not null => (new OverrideRemoved(existing.Id), true),
            11 => (new OverrideAdded(entry with { FindingId = "CaseloadCritical:" + (model.Managers.FirstOrDefault()?.Id ?? "OM-1") }), false),
            12 => (new OverrideAdded(entry with { Until = entry.From.AddDays(-1) }), false),
            13 when existing is not null => (new OverrideAdded(entry with { Id = existing.Id }), false),
            _ => (new OverrideRemoved("OV-NOBODY"), false),
        };
    }

    /// <summary>The id of a current or suppressed finding of a kind the policy lets be overridden, else of an offender's visit (which may not hold).</summary>
    private string PickFindingId()
    {
        var ids = Report is null
            ? []
            : Report.Findings.Concat(Report.Suppressed.Select(static s => s.Finding)).Where(f => overridableKinds.Contains(f.Kind)).Select(static f => f.Id).ToList();
        if (ids.Count > 0 && random.Next(5) != 0)
        {
            return ids[random.Next(ids.Count)];
        }

        return "VisitOverdue:" + (model.Offenders.Count > 0 ? model.Offenders[random.Next(model.Offenders.Count)].Id : "RSO-NOBODY");
    }

    private (MonitorChange, bool) RemoveManager()
    {
        // Prefer a manager who holds nobody (a valid removal); otherwise the removal must be rejected.
        var free = model.Managers.FirstOrDefault(m => !model.HoldsOffenders(m.Id));
        var manager = free ?? model.Managers[random.Next(model.Managers.Count)];
        return (new ManagerRemoved(manager.Id), !model.HoldsOffenders(manager.Id));
    }

    private DateOnly NearDate() => model.AsOf.AddDays(random.Next(-200, 15));

    private string? PickManager(bool lean)
    {
        if (model.Managers.Count == 0 || random.Next(20) == 0)
        {
            return null;
        }

        return lean && random.Next(2) == 0 ? model.Managers[0].Id : model.Managers[random.Next(model.Managers.Count)].Id;
    }

    private string? PickTeam()
    {
        if (random.Next(6) == 0)
        {
            return null;
        }

        if (model.Teams is { Count: > 0 } teams)
        {
            return teams[random.Next(teams.Count)].Id;
        }

        return "T-" + random.Next(1, 5).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private Offender NewOffender() => new()
    {
        Id = "RSO-" + _nextOffender++,
        ManagerId = PickManager(lean: false),
        NeighbourhoodId = random.Next(5) == 0 ? null : "NPT-00" + random.Next(1, 4),
        RiskLevel = (RiskLevel)random.Next(4),
        RegisteredOn = model.AsOf.AddDays(random.Next(-900, 10)),
        ReleasedOn = random.Next(4) == 0 ? model.AsOf.AddDays(random.Next(-100, 10)) : null,
        RiskAssessedOn = random.Next(3) == 0 ? null : model.AsOf.AddDays(random.Next(-500, 5)),
        InCustody = random.Next(6) == 0,
        ReactiveManagement = random.Next(8) == 0,
        VisitIntervalDays = random.Next(8) == 0 ? random.Next(1, 120) : null,
        MovedIntoNeighbourhoodOn = random.Next(3) == 0 ? model.AsOf.AddDays(random.Next(-30, 5)) : null,
    };

    private Offender Vary(Offender offender) => random.Next(6) switch
    {
        0 => offender with { RiskLevel = (RiskLevel)random.Next(4) },
        1 => offender with { InCustody = !offender.InCustody },
        2 => offender with { ReactiveManagement = !offender.ReactiveManagement },
        3 => offender with { NeighbourhoodId = random.Next(3) == 0 ? null : "NPT-00" + random.Next(1, 4), MovedIntoNeighbourhoodOn = model.AsOf.AddDays(random.Next(-20, 3)) },
        4 => offender with { ReleasedOn = model.AsOf.AddDays(random.Next(-60, 5)), VisitIntervalDays = random.Next(3) == 0 ? random.Next(1, 60) : null },
        _ => offender with { ManagerId = PickManager(lean: true), RegisteredOn = offender.RegisteredOn.AddDays(random.Next(-5, 5)) },
    };
}
