using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Testing;

/// <summary>
/// A small caseload described in the policy's own terms, evaluated as of one date under a policy:
/// <c>CaseloadScenario.AsOf(date).Manager("OM-1", team: "T-1").Holding("OM-1", 60)
/// .Offender("RSO-1", RiskLevel.High, o => o.LastVisitedDaysAgo(99).ManagedBy("OM-1"))
/// .WithPolicy(p => p.VisitIntervalDays.High = 60).Evaluate()</c>.
/// </summary>
/// <remarks>
/// Every team a manager, a strategy discussion or a police protection names is declared, so the snapshot always has a <c>teams</c> list. An offender has no manager
/// unless given one. See <see cref="OffenderBuilder"/> for an offender's defaults and <see cref="Holding"/> for filler offenders.
/// Not thread-safe; build a scenario on one thread, then evaluate it as often as needed.
/// </remarks>
public sealed class CaseloadScenario
{
    private readonly List<string> _teams = [];
    private readonly List<Manager> _managers = [];
    private readonly List<OffenderBuilder> _offenders = [];
    private readonly List<Override> _overrides = [];
    private readonly List<StrategyDiscussion> _discussions = [];
    private readonly List<Detention> _detentions = [];
    private readonly List<PoliceProtection> _protections = [];
    private SafeguardingPolicy _policy = new();
    private bool _allowPartialResults;

    private CaseloadScenario(DateOnly asOf)
    {
        Date = asOf;
    }

    /// <summary>The as-of date: every "days ago" counts back from it.</summary>
    public DateOnly Date { get; }

    /// <summary>A copy of the policy the scenario evaluates under (the defaults with the scenario's changes).</summary>
    public SafeguardingPolicy Policy => _policy.Clone();

    /// <summary>Whether the evaluation evaluates the valid records when some are invalid (so a rejected offender becomes a DataQuality finding).</summary>
    public bool PartialResultsAllowed => _allowPartialResults;

    /// <summary>Starts an empty scenario evaluated as of <paramref name="asOf"/>, under the default policy.</summary>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>The scenario.</returns>
    public static CaseloadScenario AsOf(DateOnly asOf) => new(asOf);

    /// <summary>The date <paramref name="days"/> days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date (negative: after it).</param>
    /// <returns>The date.</returns>
    public DateOnly DaysAgo(int days) => Date.AddDays(-days);

    /// <summary>Declares a team (a team a manager names is declared anyway).</summary>
    /// <param name="id">The team's id.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Team(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!_teams.Contains(id, StringComparer.Ordinal))
        {
            _teams.Add(id);
        }

        return this;
    }

    /// <summary>Declares an offender manager, in <paramref name="team"/> when given (the team is declared too).</summary>
    /// <param name="id">The manager's id.</param>
    /// <param name="team">The manager's team; <see langword="null"/> for none.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Manager(string id, string? team = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (team is not null)
        {
            Team(team);
        }

        _managers.Add(new Manager { Id = id, TeamId = team });
        return this;
    }

    /// <summary>
    /// Gives <paramref name="managerId"/> <paramref name="count"/> more offenders that produce no finding of their own:
    /// Low risk, in the community, visited the day before the as-of date (on it, when it is the calendar's first day),
    /// registered and assessed long before it.
    /// Their ids are the manager's id followed by <c>-H001</c>, <c>-H002</c>, ...
    /// </summary>
    /// <param name="managerId">The manager's id.</param>
    /// <param name="count">How many offenders to add (0 or more).</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Holding(string managerId, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(managerId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = _offenders.Count(o => o.Id.StartsWith(managerId + "-H", StringComparison.Ordinal)) + 1;
        for (var i = first; i < first + count; i++)
        {
            Offender(FillerId(managerId, i), RiskLevel.Low, o => o.ManagedBy(managerId).LastVisitedDaysAgo(Math.Min(1, Date.DayNumber)));
        }

        return this;
    }

    /// <summary>Adds an offender of <paramref name="riskLevel"/>, described by <paramref name="describe"/>.</summary>
    /// <param name="id">The offender's id.</param>
    /// <param name="riskLevel">The offender's risk level.</param>
    /// <param name="describe">Sets the manager, dates, visits and flags; <see langword="null"/> keeps every default of <see cref="OffenderBuilder"/>.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Offender(string id, RiskLevel riskLevel, Action<OffenderBuilder>? describe = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var offender = new OffenderBuilder(id, riskLevel, Date);
        describe?.Invoke(offender);
        _offenders.Add(offender);
        return this;
    }

    /// <summary>
    /// Adds an override (contract section 8): a deferral of the finding <paramref name="findingId"/> from
    /// <paramref name="from"/> to <paramref name="until"/>, both inclusive.
    /// </summary>
    /// <param name="id">The override's id.</param>
    /// <param name="findingId">The finding it defers, e.g. <c>VisitOverdue:RSO-1</c>.</param>
    /// <param name="from">Its first day.</param>
    /// <param name="until">Its last day.</param>
    /// <param name="reasonCode">Why, as a code (A-Z, 0-9, _); default <c>IN_HOSPITAL</c>.</param>
    /// <param name="authorisedBy">Who authorised it; default <c>DS-0001</c>.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Override(string id, string findingId, DateOnly from, DateOnly until, string reasonCode = "IN_HOSPITAL", string authorisedBy = "DS-0001")
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(findingId);
        _overrides.Add(new Override { Id = id, FindingId = findingId, ReasonCode = reasonCode, AuthorisedBy = authorisedBy, From = from, Until = until });
        return this;
    }

    /// <summary>Adds a strategy discussion with its actions (contract section 6); its team, when it names one, is declared.</summary>
    /// <param name="discussion">The discussion, as a snapshot holds it.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Discussion(StrategyDiscussion discussion)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        if (discussion.TeamId is { Length: > 0 } team)
        {
            Team(team);
        }

        _discussions.Add(discussion);
        return this;
    }

    /// <summary>Adds a detention with its interviews (contract section 6).</summary>
    /// <param name="detention">The detention, as a snapshot holds it.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Detention(Detention detention)
    {
        ArgumentNullException.ThrowIfNull(detention);
        _detentions.Add(detention);
        return this;
    }

    /// <summary>Adds a police protection (contract section 6); its team, when it names one, is declared.</summary>
    /// <param name="protection">The protection, as a snapshot holds it.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario Protection(PoliceProtection protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        if (protection.TeamId is { Length: > 0 } team)
        {
            Team(team);
        }

        _protections.Add(protection);
        return this;
    }

    /// <summary>Changes the scenario's policy (starting from the defaults, or the policy given before).</summary>
    /// <param name="change">Sets the policy parameters the scenario changes.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario WithPolicy(Action<SafeguardingPolicy> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(_policy);
        return this;
    }

    /// <summary>Evaluates under a copy of <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario WithPolicy(SafeguardingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy.Clone();
        return this;
    }

    /// <summary>Evaluates the valid records when some are invalid: each rejected offender becomes a DataQuality finding.</summary>
    /// <param name="allow">Whether partial results are allowed.</param>
    /// <returns>This scenario.</returns>
    public CaseloadScenario AllowingPartialResults(bool allow = true)
    {
        _allowPartialResults = allow;
        return this;
    }

    /// <summary>The caseload snapshot the scenario describes, with its as-of date.</summary>
    /// <returns>A new snapshot.</returns>
    /// <exception cref="InvalidOperationException">A briefing names no neighbourhood and its offender lives in none.</exception>
    public CaseloadSnapshot ToSnapshot() => new()
    {
        AsOf = Date,
        Teams = _teams.Select(id => new Team { Id = id }).ToList(),
        Managers = _managers.ToList(),
        Offenders = _offenders.Select(o => o.BuildOffender()).ToList(),
        Visits = _offenders.SelectMany(o => o.BuildVisits()).ToList(),
        Briefings = _offenders.SelectMany(o => o.BuildBriefings()).ToList(),
        Overrides = _overrides.ToList(),
        StrategyDiscussions = _discussions.ToList(),
        Detentions = _detentions.ToList(),
        PoliceProtections = _protections.ToList(),
    };

    /// <summary>The evaluation options the scenario implies: its as-of date, a copy of its policy, and its partial-results switch.</summary>
    /// <returns>New options.</returns>
    public EvaluationOptions ToOptions() => new()
    {
        AsOf = Date,
        Policy = _policy.Clone(),
        AllowPartialResults = _allowPartialResults,
    };

    /// <summary>Evaluates the scenario with a shared engine running the built-in rules (compiled once per process).</summary>
    /// <returns>The report; bad input is in its <see cref="EvaluationReport.Problems"/>, never an exception.</returns>
    /// <exception cref="PolicyValidationException">The scenario's policy is invalid.</exception>
    public EvaluationReport Evaluate() => Evaluate(SharedEngine.Instance);

    /// <summary>
    /// Evaluates the scenario with only the named built-in rules running (an engine per set of names, compiled once per
    /// process): a test about one rule sees that rule's findings only. Rules that build on another's conclusion need it
    /// named too: the escalation rules and <see cref="RuleNames.UnitBacklog"/> build on <see cref="RuleNames.VisitOverdue"/>.
    /// </summary>
    /// <param name="ruleNames">Names of built-in rules (<see cref="RuleNames"/>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A name is not a built-in rule's; the message lists them.</exception>
    /// <exception cref="PolicyValidationException">The scenario's policy is invalid.</exception>
    public EvaluationReport EvaluateOnly(params string[] ruleNames)
    {
        ArgumentNullException.ThrowIfNull(ruleNames);
        return Evaluate(SharedEngine.Only(ruleNames));
    }

    /// <summary>Evaluates the scenario with <paramref name="evaluator"/> (for example an engine with host rules or rules switched off).</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <returns>The report.</returns>
    /// <exception cref="PolicyValidationException">The scenario's policy is invalid.</exception>
    public EvaluationReport Evaluate(ISafeguardingEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return evaluator.Evaluate(ToSnapshot(), ToOptions());
    }

    internal static string FillerId(string managerId, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{managerId}-H{number:D3}");
}
