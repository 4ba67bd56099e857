using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Testing;

/// <summary>
/// Describes one offender of a <see cref="CaseloadScenario"/> in the policy's own terms. Dates are given as days before
/// the scenario's as-of date or as calendar dates.
/// </summary>
/// <remarks>
/// Defaults: no manager (unallocated: call <see cref="ManagedBy"/>), registered 1000 days before the as-of date, risk
/// assessed 30 days before it, not released, not in custody, not under reactive management, no plan interval, no
/// neighbourhood, no visits and no briefings.
/// </remarks>
public sealed class OffenderBuilder
{
    /// <summary>Days before the as-of date an offender is registered unless the scenario says otherwise.</summary>
    public const int DefaultRegisteredDaysAgo = 1000;

    /// <summary>Days before the as-of date an offender's risk was assessed unless the scenario says otherwise.</summary>
    public const int DefaultRiskAssessedDaysAgo = 30;

    private readonly DateOnly _asOf;
    private readonly List<(DateOnly Date, VisitOutcome Outcome)> _visits = [];
    private readonly List<(DateOnly Date, string? NeighbourhoodId)> _briefings = [];
    private string? _managerId;
    private DateOnly _registeredOn;
    private DateOnly? _releasedOn;
    private DateOnly? _riskAssessedOn;
    private bool _inCustody;
    private bool _reactive;
    private int? _planInterval;
    private int? _mappaLevel;
    private string? _neighbourhoodId;
    private DateOnly? _movedInOn;

    internal OffenderBuilder(string id, RiskLevel riskLevel, DateOnly asOf)
    {
        Id = id;
        RiskLevel = riskLevel;
        _asOf = asOf;
        // Never before the calendar's first day (an as-of date in its first 1,000 days).
        _registeredOn = asOf.AddDays(-Math.Min(DefaultRegisteredDaysAgo, asOf.DayNumber));
        _riskAssessedOn = asOf.AddDays(-Math.Min(DefaultRiskAssessedDaysAgo, asOf.DayNumber));
    }

    /// <summary>The offender's id.</summary>
    public string Id { get; }

    /// <summary>The offender's risk level.</summary>
    public RiskLevel RiskLevel { get; }

    /// <summary>Assigns the offender to a manager (the manager need not be declared: an unknown manager makes the record invalid, which is how a scenario shows a DataQuality finding).</summary>
    /// <param name="managerId">The manager's id.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder ManagedBy(string managerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(managerId);
        _managerId = managerId;
        return this;
    }

    /// <summary>Leaves the offender without a manager (the default).</summary>
    /// <returns>This builder.</returns>
    public OffenderBuilder Unallocated()
    {
        _managerId = null;
        return this;
    }

    /// <summary>Registration <paramref name="days"/> days before the as-of date (negative: after it, so not yet registered).</summary>
    /// <param name="days">Days before the as-of date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder RegisteredDaysAgo(int days) => RegisteredOn(DaysAgo(days));

    /// <summary>Registration on <paramref name="date"/>.</summary>
    /// <param name="date">The registration date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder RegisteredOn(DateOnly date)
    {
        _registeredOn = date;
        return this;
    }

    /// <summary>The latest release from custody <paramref name="days"/> days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder ReleasedDaysAgo(int days) => ReleasedOn(DaysAgo(days));

    /// <summary>The latest release from custody on <paramref name="date"/>.</summary>
    /// <param name="date">The release date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder ReleasedOn(DateOnly date)
    {
        _releasedOn = date;
        return this;
    }

    /// <summary>The latest risk assessment <paramref name="days"/> days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder RiskAssessedDaysAgo(int days) => RiskAssessedOn(DaysAgo(days));

    /// <summary>The latest risk assessment on <paramref name="date"/>.</summary>
    /// <param name="date">The assessment date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder RiskAssessedOn(DateOnly date)
    {
        _riskAssessedOn = date;
        return this;
    }

    /// <summary>No risk assessment on record.</summary>
    /// <returns>This builder.</returns>
    public OffenderBuilder NeverRiskAssessed()
    {
        _riskAssessedOn = null;
        return this;
    }

    /// <summary>The offender is in custody now (no visit required, not in any caseload).</summary>
    /// <param name="inCustody">Whether the offender is in custody.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder InCustody(bool inCustody = true)
    {
        _inCustody = inCustody;
        return this;
    }

    /// <summary>The offender is under reactive management (no visits for Low risk; a data problem above Low).</summary>
    /// <param name="reactive">Whether reactive management is recorded.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder ReactiveManagement(bool reactive = true)
    {
        _reactive = reactive;
        return this;
    }

    /// <summary>The risk management plan's own visit interval, which beats every policy interval (snapshot field <c>visitIntervalDays</c>).</summary>
    /// <param name="days">The interval in days (1-730 is valid input); <see langword="null"/> for the policy's interval.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder PlanIntervalDays(int? days)
    {
        _planInterval = days;
        return this;
    }

    /// <summary>The MAPPA management level.</summary>
    /// <param name="level">1-3 is valid input; <see langword="null"/> for none recorded.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder MappaLevel(int? level)
    {
        _mappaLevel = level;
        return this;
    }

    /// <summary>The offender lives in <paramref name="neighbourhoodId"/>, having moved in <paramref name="movedInDaysAgo"/> days before the as-of date when given.</summary>
    /// <param name="neighbourhoodId">The neighbourhood policing area.</param>
    /// <param name="movedInDaysAgo">Days before the as-of date the offender moved in; <see langword="null"/> for no move-in date (registration or release is the reference).</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder LivesIn(string neighbourhoodId, int? movedInDaysAgo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(neighbourhoodId);
        _neighbourhoodId = neighbourhoodId;
        _movedInOn = movedInDaysAgo is { } days ? DaysAgo(days) : null;
        return this;
    }

    /// <summary>The offender moved into their neighbourhood on <paramref name="date"/>.</summary>
    /// <param name="date">The move-in date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder MovedInOn(DateOnly date)
    {
        _movedInOn = date;
        return this;
    }

    /// <summary>A completed home visit <paramref name="days"/> days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder LastVisitedDaysAgo(int days) => VisitedDaysAgo(days, VisitOutcome.Completed);

    /// <summary>No-access visits, each the given number of days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date, one per visit.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder NoAccessDaysAgo(params int[] days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            VisitedDaysAgo(day, VisitOutcome.NoAccess);
        }

        return this;
    }

    /// <summary>A home visit with <paramref name="outcome"/> <paramref name="days"/> days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date.</param>
    /// <param name="outcome">The visit's outcome.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder VisitedDaysAgo(int days, VisitOutcome outcome = VisitOutcome.Completed) => VisitedOn(DaysAgo(days), outcome);

    /// <summary>A home visit with <paramref name="outcome"/> on <paramref name="date"/>.</summary>
    /// <param name="date">The visit date.</param>
    /// <param name="outcome">The visit's outcome.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder VisitedOn(DateOnly date, VisitOutcome outcome = VisitOutcome.Completed)
    {
        _visits.Add((date, outcome));
        return this;
    }

    /// <summary>A neighbourhood briefing <paramref name="days"/> days before the as-of date.</summary>
    /// <param name="days">Days before the as-of date.</param>
    /// <param name="neighbourhoodId">The neighbourhood briefed; <see langword="null"/> for the offender's own.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder BriefedDaysAgo(int days, string? neighbourhoodId = null) => BriefedOn(DaysAgo(days), neighbourhoodId);

    /// <summary>A neighbourhood briefing on <paramref name="date"/>.</summary>
    /// <param name="date">The briefing date.</param>
    /// <param name="neighbourhoodId">The neighbourhood briefed; <see langword="null"/> for the offender's own.</param>
    /// <returns>This builder.</returns>
    public OffenderBuilder BriefedOn(DateOnly date, string? neighbourhoodId = null)
    {
        _briefings.Add((date, neighbourhoodId));
        return this;
    }

    internal Offender BuildOffender() => new()
    {
        Id = Id,
        ManagerId = _managerId,
        NeighbourhoodId = _neighbourhoodId,
        RiskLevel = RiskLevel,
        RiskAssessedOn = _riskAssessedOn,
        RegisteredOn = _registeredOn,
        ReleasedOn = _releasedOn,
        InCustody = _inCustody,
        ReactiveManagement = _reactive,
        VisitIntervalDays = _planInterval,
        MappaLevel = _mappaLevel,
        MovedIntoNeighbourhoodOn = _movedInOn,
    };

    internal IEnumerable<Visit> BuildVisits() =>
        _visits.Select(v => new Visit { OffenderId = Id, Date = v.Date, Outcome = v.Outcome });

    /// <exception cref="InvalidOperationException">A briefing names no neighbourhood and the offender lives in none.</exception>
    internal IEnumerable<Briefing> BuildBriefings() => _briefings.Select(b => new Briefing
    {
        OffenderId = Id,
        NeighbourhoodId = b.NeighbourhoodId ?? _neighbourhoodId
            ?? throw new InvalidOperationException($"A briefing about offender {Id} names no neighbourhood, and the offender lives in none: call LivesIn first or name the neighbourhood."),
        Date = b.Date,
    });

    private DateOnly DaysAgo(int days) => _asOf.AddDays(-days);
}
