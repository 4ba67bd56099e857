using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Records;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// A caseload kept live: loaded once from a snapshot, then kept current by changes (<see cref="MonitorChange"/>), each
/// returning the findings it raised, escalated, changed and cleared (contract section 7). <see cref="Current"/> is
/// always the report a full evaluation of the equivalent snapshot would give: the loaded snapshot with every accepted
/// change applied, as of <see cref="AsOf"/> and its as-of instant, under the monitor's policy (overrides applied: the
/// suppressed findings are on its <c>Suppressed</c>).
/// </summary>
/// <remarks>
/// <para>The monitor keeps one long-lived NRules session per team (and one for offenders and managers with no team) and
/// inserts, updates and retracts facts in them as records change, so a change costs microseconds, not an evaluation.
/// An offender's aggregates (latest completed visit, no-access visits, latest briefing) are recomputed in C# and its fact
/// updated; the caseloads of its managers and teams follow. A new as-of date rebuilds the sessions.</para>
/// <para>Thread safety: every call is serialised by one lock per monitor (changes are applied one at a time, in the order
/// the lock is taken), so the monitor may be shared between threads; <see cref="Current"/> is read under the same lock.</para>
/// <para>A monitor holds valid records only: a snapshot with any problem is not loaded (with partial results allowed, but
/// for rejected child-protection records, which stay as they were), and a change with a problem is rejected with every
/// problem, naming the field, and changes nothing. Changes are checked as the snapshot's records are, under the monitor's
/// policy. Engines with host rules are not supported yet.</para>
/// <para>The child-protection records (contract section 6) are kept in a session of their own: recording a discussion,
/// detention or protection replaces that record's facts. Overrides (section 8) are applied to the findings as they are
/// read: adding or removing one costs no session work, and a new day lapses deferrals (<c>overrideExpiredOn</c>).</para>
/// <para>A monitor fails closed. Should applying an accepted change fail unexpectedly (a defect: the change may be half
/// applied), the monitor stops: the failure is logged (event 6) and rethrown, <see cref="IsFaulted"/> becomes
/// <see langword="true"/>, and every later call throws <see cref="InvalidOperationException"/> rather than serve findings
/// that may no longer match the records. Load a new monitor from a snapshot.</para>
/// </remarks>
public sealed class SafeguardingMonitor
{
    private readonly object _gate = new();
    private readonly MonitorState _state;
    private readonly bool _partialResultsAllowed;
    private readonly ILogger _logger;
    private readonly RecordBasis _recordBasis;
    private EvaluationReport? _current;
    private CaseloadSnapshot? _currentSnapshot;
    private bool _faulted;

    private SafeguardingMonitor(MonitorState state, bool partialResultsAllowed, ILogger logger, RecordBasis recordBasis)
    {
        _state = state;
        _partialResultsAllowed = partialResultsAllowed;
        _logger = logger;
        _recordBasis = recordBasis;
    }

    /// <summary>
    /// Whether the monitor has stopped because applying a change failed unexpectedly; every call but this one then throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public bool IsFaulted
    {
        get
        {
            lock (_gate)
            {
                return _faulted;
            }
        }
    }

    /// <summary>The as-of date the findings are for.</summary>
    /// <exception cref="InvalidOperationException">The monitor has stopped (<see cref="IsFaulted"/>).</exception>
    public DateOnly AsOf
    {
        get
        {
            lock (_gate)
            {
                ThrowIfFaulted();
                return _state.AsOf;
            }
        }
    }

    /// <summary>
    /// The current findings as an evaluated report, equal to a full evaluation of the equivalent snapshot (its findings in
    /// the contract's order, its summary, the rules that fired, and its decision record, contract section 8, which
    /// <see cref="GetCurrent"/> gives with the snapshot it is of). Built when first read after a change (this sorts every
    /// finding and lists every record), then kept until the next accepted change. Its <see cref="EvaluationReport.Record"/>
    /// is <see langword="null"/> when the monitor holds rejected child-protection records (see <see cref="GetCurrent"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The monitor has stopped (<see cref="IsFaulted"/>).</exception>
    public EvaluationReport Current
    {
        get
        {
            lock (_gate)
            {
                ThrowIfFaulted();
                return CurrentLocked();
            }
        }
    }

    /// <summary>
    /// <see cref="Current"/> and, read under the same lock (another thread's change cannot come between them), the records
    /// as they stood for it, as one snapshot: a full evaluation of that snapshot, with the monitor's policy and no date of
    /// its own (with partial results allowed when the monitor allows them), gives the report, and the report's decision
    /// record hashes the snapshot's JSON as the library writes it. Write the snapshot beside a findings document of the
    /// report so that <c>verify</c> can check the document later. The as-of date is the monitor's, and its
    /// <c>extractedAt</c> the instant T when T is not the end of that date (a load without a date from a snapshot with
    /// <c>extractedAt</c>).
    /// </summary>
    /// <param name="snapshot">
    /// The snapshot, made with the report and kept until the next accepted change; <see langword="null"/> when the monitor
    /// was loaded with rejected child-protection records (partial results), which it keeps only as their
    /// <c>DataQuality</c> findings, so that no snapshot gives its findings.
    /// </param>
    /// <returns>The current report.</returns>
    /// <exception cref="InvalidOperationException">The monitor has stopped (<see cref="IsFaulted"/>).</exception>
    public EvaluationReport GetCurrent(out CaseloadSnapshot? snapshot)
    {
        lock (_gate)
        {
            ThrowIfFaulted();
            var report = CurrentLocked();
            snapshot = _currentSnapshot;
            return report;
        }
    }

    private EvaluationReport CurrentLocked()
    {
        if (_current is null)
        {
            var report = _state.Report(_partialResultsAllowed);
            _currentSnapshot = _state.Snapshot();
            _current = _currentSnapshot is null ? report : report.WithRecordSource(new RecordSource { Snapshot = _currentSnapshot, Basis = _recordBasis });
        }

        return _current;
    }

    /// <summary>Loads a snapshot into a new monitor that evaluates with <paramref name="engine"/>'s rules and policy.</summary>
    /// <param name="engine">The compiled engine; its rules and policy are the monitor's.</param>
    /// <param name="snapshot">The caseload; it is read once, and later changes to it are not seen.</param>
    /// <param name="asOf">The as-of date; default the snapshot's <c>asOf</c>, else the UK date of its <c>extractedAt</c>, else today in the United Kingdom by the engine's clock.</param>
    /// <param name="cancellationToken">Stops the load, as for <see cref="Load(SafeguardingEngine, CaseloadSnapshot, EvaluationOptions, CancellationToken)"/>.</param>
    /// <returns>The monitor, or every problem of the snapshot (contract section 3) when it has any.</returns>
    /// <exception cref="NotSupportedException">The engine has host rules loaded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no monitor was made.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their third parameter's type, and the other's is required, so no call is ambiguous.")]
    public static MonitorLoadResult Load(SafeguardingEngine engine, CaseloadSnapshot snapshot, DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        Load(engine, snapshot, new EvaluationOptions { AsOf = asOf }, cancellationToken);

    /// <summary>
    /// Loads a snapshot into a new monitor that evaluates with <paramref name="engine"/>'s rules and the policy, as-of date
    /// and partial-results setting of <paramref name="options"/> (each, when not given, the engine's, as for an evaluation).
    /// The policy is the monitor's for good: it checks the snapshot and every change (an override's kind against its
    /// <c>overrides.kinds</c>, for one).
    /// </summary>
    /// <param name="engine">The compiled engine; its rules are the monitor's.</param>
    /// <param name="snapshot">The caseload; it is read once, and later changes to it are not seen.</param>
    /// <param name="options">The as-of date (which also makes the as-of instant the end of that day, contract section 6), policy and partial-results setting.</param>
    /// <param name="cancellationToken">
    /// Stops the load: checked before it starts, after the snapshot is validated, once the offender entries are made, and
    /// between the sessions (one per team) as they are filled, so a cancelled load ends after the sessions already
    /// filling. Nothing partial is returned: the monitor being built is dropped.
    /// </param>
    /// <returns>
    /// The monitor, or every problem of the snapshot (contract section 3) when it has any. With partial results allowed, a
    /// snapshot whose only problems are in child-protection records is loaded: those records are rejected (their problems
    /// are on the result and on <see cref="Current"/>, each record a <c>DataQuality</c> finding) and the rest are monitored.
    /// </returns>
    /// <exception cref="NotSupportedException">The engine has host rules loaded.</exception>
    /// <exception cref="PolicyValidationException">The options' policy is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no monitor was made.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their third parameter's type, and this one's is required, so no call is ambiguous.")]
    public static MonitorLoadResult Load(SafeguardingEngine engine, CaseloadSnapshot snapshot, EvaluationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        if (engine.Compiled.HasHostRules)
        {
            throw new NotSupportedException("The live monitor supports the built-in rules only; create it from an engine without host rules (SafeguardingRulesOptions.RuleTypes empty).");
        }

        var policy = engine.Policy;
        if (options.Policy is { } own)
        {
            own.EnsureValid();
            policy = new PolicyView(own);
        }

        var recordBasis = engine.RecordBasis(options.Policy, policy);

        var partial = options.AllowPartialResults ?? engine.AllowPartialResults;
        var started = Stopwatch.GetTimestamp();
        var owners = new RecordOwners(snapshot.Visits.Count, snapshot.Briefings.Count);
        var input = SnapshotValidator.Validate(SnapshotReadResult.FromCode(snapshot), engine.MaxDegreeOfParallelism, owners, policy);
        if (input.Problems.Count > 0 && !(partial && input.Problems.TrueForAll(static p => ChildProtectionValidator.IsChildProtectionArray(p.Array))))
        {
            MonitorLog.Rejected(engine.Logger, input.Problems.Count, snapshot.Offenders.Count);
            return new MonitorLoadResult(null, input.Problems);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var date = options.AsOf ?? snapshot.AsOf ?? (snapshot.ExtractedAt is { } extracted ? UkTime.LocalDate(extracted) : engine.Today());
        var instant = AsOfInstant.Of(date, options.AsOf, snapshot.ExtractedAt);
        var state = MonitorState.Load(engine.Compiled, policy, engine.MaxDegreeOfParallelism, engine.PartitionSize, input, date, instant, owners, cancellationToken);
        if (engine.Logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var asOfText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var sessions = state.Sessions().Count();
            var collector = MonitorLog.Collector;
            MonitorLog.Loaded(engine.Logger, snapshot.Offenders.Count, asOfText, sessions, elapsedMs, collector);
        }

        return new MonitorLoadResult(new SafeguardingMonitor(state, partial, engine.Logger, recordBasis), input.Problems);
    }

    /// <summary>The monitored state (for tests that look into the sessions); not thread-safe.</summary>
    internal MonitorState State => _state;

    /// <summary>Applies one change, or rejects it.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The findings the change raised, escalated, changed and cleared; or, when it is rejected, every problem (and nothing changed).</returns>
    /// <exception cref="InvalidOperationException">The monitor has stopped (<see cref="IsFaulted"/>).</exception>
    public MonitorResult Apply(MonitorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            ThrowIfFaulted();
            var problems = new List<ChangeProblem>();
            change.Check(_state, problems);
            if (problems.Count > 0)
            {
                return new MonitorResult(_state.AsOf, problems, [], [], [], []);
            }

            _current = null;
            _currentSnapshot = null;
            try
            {
                change.Apply(_state);
                return _state.Finish();
            }
            catch (Exception exception)
            {
                // A checked change cannot fail but by a defect, which may have left it half applied: stop, rather than
                // serve findings that may no longer match the records.
                _faulted = true;
                MonitorLog.Faulted(_logger, change.GetType().Name, exception);
                throw;
            }
        }
    }

    private void ThrowIfFaulted()
    {
        if (_faulted)
        {
            throw new InvalidOperationException("The monitor stopped after applying a change failed unexpectedly (logged as event 6): its findings may no longer match its records. Load a new monitor from a snapshot.");
        }
    }
}
