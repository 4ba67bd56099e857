using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NRules;
using Safeguarding.Rules.Diagnostics;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules;

/// <summary>
/// The policy engine: compiles the rules once and evaluates caseloads against a policy.
/// Create one and share it: it is thread-safe, and every evaluation runs in sessions of its own.
/// </summary>
public sealed partial class SafeguardingEngine : ISafeguardingEvaluator
{
    private readonly CompiledRules _rules;
    private readonly SafeguardingRulesOptions _options;
    private readonly SafeguardingPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates an engine with the built-in rules and the default policy.</summary>
    public SafeguardingEngine()
        : this(new SafeguardingRulesOptions())
    {
    }

    /// <summary>Creates an engine.</summary>
    /// <param name="options">The default policy, host rules and switched-off rules.</param>
    /// <param name="services">Services for host rules' constructors and for <c>ctx.Resolve</c> in rule actions; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for "today" when neither the call nor the snapshot gives an as-of date; default the system clock.</param>
    /// <param name="logger">Receives one line per evaluation, with counts and timings only.</param>
    /// <exception cref="PolicyValidationException">The options or their policy are invalid; every problem is listed.</exception>
    public SafeguardingEngine(SafeguardingRulesOptions options, IServiceProvider? services = null, TimeProvider? timeProvider = null, ILogger<SafeguardingEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new PolicyValidationException(problems);
        }

        _options = options;
        _policy = options.Policy.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var started = Stopwatch.GetTimestamp();
        _rules = CompiledRules.Compile(options, services);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogCompiled(_logger, _rules.Catalogue.Count, elapsed);
    }

    /// <inheritdoc />
    public IReadOnlyList<RuleInfo> Rules => _rules.Catalogue;

    /// <summary>The compiled NRules session factory, for hosts that open their own sessions over the public fact types.</summary>
    public ISessionFactory SessionFactory => _rules.Factory;

    /// <inheritdoc />
    public EvaluationReport Evaluate(CaseloadSnapshot snapshot, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var started = Stopwatch.GetTimestamp();
        using var activity = EvaluationTelemetry.StartEvaluation();
        var policy = _policy;
        if (options?.Policy is { } own)
        {
            own.EnsureValid();
            policy = own.Clone();
        }

        var allowPartial = options?.AllowPartialResults ?? _options.AllowPartialResults;
        var asOf = options?.AsOf ?? snapshot.AsOf ?? UkCalendar.Today(_time);

        var records = new RecordAggregates(snapshot.Offenders, asOf);
        var input = SnapshotValidator.Validate(snapshot, _options.MaxDegreeOfParallelism, records);
        var offenderRecords = snapshot.OffenderRecordCount;
        if (input.HasDocumentProblem || (input.Problems.Count > 0 && !allowPartial))
        {
            LogRejected(_logger, input.Problems.Count, offenderRecords);
            EvaluationTelemetry.RecordRejected(activity, started, input.Problems.Count);
            return NotEvaluated(input.Problems, asOf, policy.Version, allowPartial, offenderRecords);
        }

        var cases = CaseBuilder.Build(input, records.Complete(), asOf, policy, allowPartial, _options.PartitionSize, _options.MaxDegreeOfParallelism);
        var prepared = Stopwatch.GetTimestamp();
        var fired = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var parts = new ReportBuilder.SortedPart[cases.Partitions.Count];
        if (cases.Partitions.Count == 1 || _options.MaxDegreeOfParallelism == 1)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = Run(cases.Partitions[i], fired);
            }
        }
        else
        {
            Parallel.For(
                0,
                parts.Length,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism },
                i => parts[i] = Run(cases.Partitions[i], fired));
        }

        var ruled = Stopwatch.GetTimestamp();
        var findings = ReportBuilder.Merge(parts);
        var summary = ReportBuilder.Summarise(parts, findings, offenderRecords, cases.Evaluated, input.RejectedOffenders.Count, cases.NotYetRegistered, cases.NeedingVisits);
        var finished = Stopwatch.GetTimestamp();
        var elapsedMs = Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds;
        var prepareMs = Stopwatch.GetElapsedTime(started, prepared).TotalMilliseconds;
        var rulesMs = Stopwatch.GetElapsedTime(prepared, ruled).TotalMilliseconds;
        var reportMs = Stopwatch.GetElapsedTime(ruled, finished).TotalMilliseconds;
        LogEvaluated(_logger, offenderRecords, asOf, findings.Count, input.Problems.Count, cases.Partitions.Count, elapsedMs, prepareMs, rulesMs, reportMs);
        EvaluationTelemetry.RecordEvaluated(activity, started, prepared, ruled, finished, summary, input.Problems.Count);
        return new EvaluationReport
        {
            IsEvaluated = true,
            PartialResultsAllowed = allowPartial,
            AsOf = asOf,
            PolicyVersion = policy.Version,
            Summary = summary,
            Findings = findings,
            Problems = input.Problems,
            FiredRules = fired.Keys.ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Evaluates one partition in a session of its own, and sorts its findings on the same thread.</summary>
    private ReportBuilder.SortedPart Run(Partition partition, ConcurrentDictionary<string, byte> fired)
    {
        var session = _rules.Factory.CreateSession();
        if (_rules.HasHostRules)
        {
            // Host rules may match findings and may act without a trace: findings stay facts, and firings are heard.
            session.Events.RuleFiredEvent += (_, e) => fired.TryAdd(e.Rule.Name, 0);
            session.InsertAll(partition.CreateFacts());
            session.Fire();
            return ReportBuilder.SortPart(session.Query<Finding>().AsEnumerable().ToArray());
        }

        // Only built-in rules. Their findings are collected beside the session. A finding is replaced if its match
        // changes; a match can only go if a fact is retracted or changed, which an evaluation never does, and no
        // built-in condition turns false as facts are added: were one to, its finding could not follow, so that is
        // checked rather than assumed.
        var collector = new FindingCollector();
        var withdrawn = false;
        session.DependencyResolver = collector.ResolverOver(session.DependencyResolver);
        session.Events.ActivationDeletedEvent += (_, _) => withdrawn = true;
        session.InsertAll(partition.CreateFacts());
        session.Fire();
        if (withdrawn)
        {
            throw new InvalidOperationException("A built-in rule's match went away during an evaluation, so its collected finding would be stale. This is a defect in Safeguarding.Rules.");
        }

        // Each built-in rule names itself on its findings or (VisitOverdue) on its overdue visits.
        string? lastRule = null;
        foreach (var finding in collector.Findings)
        {
            if (!ReferenceEquals(finding.Rule, lastRule))
            {
                fired.TryAdd(finding.Rule, 0);
                lastRule = finding.Rule;
            }
        }

        // (AsEnumerable: on the IQueryable itself, FirstOrDefault would compile an expression tree each time.)
        if (session.Query<OverdueVisit>().AsEnumerable().FirstOrDefault() is { } overdue)
        {
            fired.TryAdd(overdue.Rule, 0);
        }

        return ReportBuilder.SortPart(collector.Findings);
    }

    private static EvaluationReport NotEvaluated(IReadOnlyList<InputProblem> problems, DateOnly asOf, string policyVersion, bool allowPartial, int offenders) => new()
    {
        IsEvaluated = false,
        PartialResultsAllowed = allowPartial,
        AsOf = asOf,
        PolicyVersion = policyVersion,
        Summary = new EvaluationSummary
        {
            Offenders = offenders,
            FindingsByKind = new Dictionary<string, int>(),
            Escalations = new Dictionary<EscalationLevel, int>(),
            Outcomes = new OutcomeMeasures { VisitedWithinPolicyPercent = new Dictionary<RiskLevel, decimal>() },
        },
        Findings = [],
        Problems = problems,
        FiredRules = new HashSet<string>(),
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Compiled {RuleCount} rules in {ElapsedMs:F1} ms")]
    private static partial void LogCompiled(ILogger logger, int ruleCount, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Evaluated {OffenderRecords} offender records as of {AsOf}: {FindingCount} findings, {ProblemCount} input problems, {PartitionCount} partitions, {ElapsedMs:F1} ms ({PrepareMs:F1} ms checking and aggregating the records, {RulesMs:F1} ms in the rules' sessions, {ReportMs:F1} ms joining their results)")]
    private static partial void LogEvaluated(ILogger logger, int offenderRecords, DateOnly asOf, int findingCount, int problemCount, int partitionCount, double elapsedMs, double prepareMs, double rulesMs, double reportMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Evaluation stopped: {ProblemCount} input problems in {OffenderRecords} offender records; nothing was evaluated")]
    private static partial void LogRejected(ILogger logger, int problemCount, int offenderRecords);
}
