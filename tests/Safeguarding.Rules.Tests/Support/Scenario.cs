using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Support;

/// <summary>A small caseload built in the policy's own terms, evaluated as of <see cref="AsOf"/>.</summary>
internal sealed class Scenario
{
    public static readonly DateOnly AsOf = new(2018, 5, 1);

    private static readonly SafeguardingEngine Engine = new();

    private readonly List<Team> _teams = [new Team { Id = "T-1" }];
    private readonly List<Manager> _managers = [new Manager { Id = "OM-1", TeamId = "T-1" }];
    private readonly List<Offender> _offenders = [];
    private readonly List<Visit> _visits = [];
    private readonly List<Briefing> _briefings = [];
    private readonly List<Override> _overrides = [];

    public static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    /// <summary>An offender registered long ago, assessed recently, managed by OM-1, with no neighbourhood.</summary>
    public static Offender NewOffender(string id, RiskLevel risk = RiskLevel.Medium) => new()
    {
        Id = id,
        ManagerId = "OM-1",
        RiskLevel = risk,
        RegisteredOn = DaysAgo(3000),
        RiskAssessedOn = DaysAgo(10),
    };

    public Scenario Manager(string id, string? teamId = "T-1")
    {
        _managers.Add(new Manager { Id = id, TeamId = teamId });
        return this;
    }

    public Scenario With(Offender offender)
    {
        _offenders.Add(offender);
        return this;
    }

    public Scenario With(string id, RiskLevel risk = RiskLevel.Medium, Func<Offender, Offender>? change = null)
    {
        var offender = NewOffender(id, risk);
        _offenders.Add(change is null ? offender : change(offender));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> offenders with recent visits to <paramref name="managerId"/>, so the manager holds them without other findings.</summary>
    public Scenario Holding(string managerId, int count, string prefix = "C", bool inCustody = false)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{managerId}-{i:D3}";
            _offenders.Add(NewOffender(id, RiskLevel.Low) with { ManagerId = managerId, InCustody = inCustody });
            _visits.Add(new Visit { OffenderId = id, Date = DaysAgo(1), Outcome = VisitOutcome.Completed });
        }

        return this;
    }

    public Scenario Visit(string offenderId, DateOnly date, VisitOutcome outcome = VisitOutcome.Completed)
    {
        _visits.Add(new Visit { OffenderId = offenderId, Date = date, Outcome = outcome });
        return this;
    }

    public Scenario Completed(string offenderId, int daysAgo) => Visit(offenderId, DaysAgo(daysAgo));

    public Scenario NoAccess(string offenderId, int daysAgo) => Visit(offenderId, DaysAgo(daysAgo), VisitOutcome.NoAccess);

    public Scenario Briefed(string offenderId, string neighbourhoodId, DateOnly date)
    {
        _briefings.Add(new Briefing { OffenderId = offenderId, NeighbourhoodId = neighbourhoodId, Date = date });
        return this;
    }

    /// <summary>Adds an override of <paramref name="findingId"/> from <paramref name="from"/> to <paramref name="until"/> (contract section 8).</summary>
    public Scenario Override(string id, string findingId, DateOnly from, DateOnly until, string reasonCode = "IN_HOSPITAL")
    {
        _overrides.Add(new Override { Id = id, FindingId = findingId, ReasonCode = reasonCode, AuthorisedBy = "DS-4411", From = from, Until = until });
        return this;
    }

    public CaseloadSnapshot Snapshot() => new()
    {
        AsOf = AsOf,
        Teams = _teams,
        Managers = _managers,
        Offenders = _offenders,
        Visits = _visits,
        Briefings = _briefings,
        Overrides = _overrides,
    };

    public EvaluationReport Evaluate(SafeguardingPolicy? policy = null)
    {
        var report = Engine.Evaluate(Snapshot(), new EvaluationOptions { Policy = policy });
        report.Problems.Should().BeEmpty("the scenario itself must be valid");
        return report;
    }

    public IReadOnlyList<Finding> Findings(string kind, SafeguardingPolicy? policy = null) =>
        Evaluate(policy).Findings.Where(f => f.Kind == kind).ToList();

    public Finding? Finding(string kind, string offenderId, SafeguardingPolicy? policy = null) =>
        Evaluate(policy).Findings.SingleOrDefault(f => f.Kind == kind && f.OffenderId == offenderId);
}
