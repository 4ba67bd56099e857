using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NRules;
using Safeguarding.Rules.Diagnostics;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Records;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules;

/// <summary>
/// The policy engine: compiles the rules once and evaluates caseloads against a policy.
/// Create one and share it: it is thread-safe, and every evaluation runs in sessions of its own.
/// </summary>
public sealed partial class SafeguardingEngine : ISafeguardingEvaluator
{
    private readonly CompiledRules _rules;
    private readonly IReadOnlyList<RuleInfo> _catalogue;
    private readonly PolicyView _policy;
    /// <summary>How many child-protection facts weigh as one offender in a partition: each is one match against one rule's conditions, lighter than an offender's fact.</summary>
    private const int ChildProtectionFactsPerOffender = 4;

    private readonly SafeguardingPolicy _policyCopy;
    private readonly bool _allowPartialResults;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _partitionSize;
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
    /// <remarks>The engine keeps a copy of <paramref name="options"/> and of their policy: changing them afterwards changes nothing here.</remarks>
    /// <exception cref="PolicyValidationException">The options' policy is invalid (and every other option valid); every problem is listed, naming the policy property.</exception>
    /// <exception cref="ArgumentException">Other options are invalid; every problem is listed, naming the option.</exception>
    public SafeguardingEngine(SafeguardingRulesOptions options, IServiceProvider? services = null, TimeProvider? timeProvider = null, ILogger<SafeguardingEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            var policyProblems = options.Policy?.Validate() ?? [];
            if (policyProblems.Count == problems.Count)
            {
                throw new PolicyValidationException(policyProblems);
            }

            throw new ArgumentException("The options are invalid: " + string.Join("; ", problems) + ".", nameof(options));
        }

        // A snapshot of everything used later, so that changing the options object afterwards changes nothing.
        _policy = new PolicyView(options.Policy);
        _policyCopy = options.Policy.Clone();
        _allowPartialResults = options.AllowPartialResults;
        _maxDegreeOfParallelism = options.MaxDegreeOfParallelism;
        _partitionSize = options.PartitionSize;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var started = Stopwatch.GetTimestamp();
        _rules = CompiledRules.Compile(
            options.RuleTypes.ToArray(),
            new HashSet<string>(options.DisabledRules, StringComparer.Ordinal),
            new HashSet<string>(options.DisabledTags, StringComparer.Ordinal),
            services);
        _catalogue = _rules.Describe(_policy);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogCompiled(_logger, _rules.Catalogue.Count, elapsed);
    }

    /// <inheritdoc />
    /// <remarks>Each description shows the values of the engine's policy (the options' policy when it was created).</remarks>
    public IReadOnlyList<RuleInfo> Rules => _catalogue;

    /// <summary>The compiled NRules session factory, for hosts that open their own sessions over the public fact types.</summary>
    public ISessionFactory SessionFactory => _rules.Factory;

    /// <summary>The compiled rules, for the live monitor.</summary>
    internal CompiledRules Compiled => _rules;

    /// <summary>The engine's policy, for the live monitor.</summary>
    internal PolicyView Policy => _policy;

    /// <summary>Whether the engine's evaluations allow partial results by default.</summary>
    internal bool AllowPartialResults => _allowPartialResults;

    /// <summary>How many partitions may run at once.</summary>
    internal int MaxDegreeOfParallelism => _maxDegreeOfParallelism;

    /// <summary>How many offender facts an evaluation packs into one session, at most (<see cref="SafeguardingRulesOptions.PartitionSize"/>); a monitor packs its teams alike.</summary>
    internal int PartitionSize => _partitionSize;

    /// <summary>The engine's logger (the monitor logs its loads through it).</summary>
    internal ILogger Logger => _logger;

    /// <summary>Today's date in the United Kingdom by the engine's clock.</summary>
    internal DateOnly Today() => UkTime.Today(_time);

    /// <summary>
    /// What a report's decision record is computed from, other than its snapshot: a copy of the effective policy (the
    /// engine's, or the call's own) and the rule catalogue described for it.
    /// </summary>
    /// <param name="own">The call's own policy, already checked, or <see langword="null"/> for the engine's.</param>
    /// <param name="view">The view of <paramref name="own"/> the call evaluates with.</param>
    internal RecordBasis RecordBasis(SafeguardingPolicy? own, PolicyView view) =>
        own is null ? new(_policyCopy, () => _catalogue) : new(own.Clone(), () => _rules.Describe(view));

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    public EvaluationReport Evaluate(CaseloadSnapshot snapshot, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Evaluate(SnapshotReadResult.FromCode(snapshot), options, cancellationToken);
    }

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    public EvaluationReport Evaluate(SnapshotReadResult input, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var snapshot = input.Snapshot;
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        using var activity = EvaluationTelemetry.StartEvaluation();
        var policy = _policy;
        if (options?.Policy is { } own)
        {
            own.EnsureValid();
            policy = new PolicyView(own);
        }

        var recordBasis = RecordBasis(options?.Policy, policy); // the policy as it is now, for the decision record
        var snapshotSha256 = input.SourceSha256;

        var allowPartial = options?.AllowPartialResults ?? _allowPartialResults;
        var asOf = ChildProtection.AsOfInstant.Date(options?.AsOf, snapshot.AsOf, snapshot.ExtractedAt, _time);
        var asOfInstant = ChildProtection.AsOfInstant.Of(asOf, options?.AsOf, snapshot.ExtractedAt);

        var records = new RecordAggregates(snapshot.Offenders, asOf);
        var validated = SnapshotValidator.Validate(input, _maxDegreeOfParallelism, records, policy);
        var offenderRecords = input.OffenderRecordCount;
        if (validated.HasDocumentProblem || (validated.Problems.Count > 0 && !allowPartial))
        {
            LogRejected(_logger, validated.Problems.Count, offenderRecords);
            EvaluationTelemetry.RecordRejected(activity, started, validated.Problems.Count);
            return NotEvaluated(validated.Problems, asOf, asOfInstant, policy.Version, allowPartial, offenderRecords);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var cases = FactBuilder.Build(validated, records.Complete(), asOf, policy, allowPartial, _partitionSize, _maxDegreeOfParallelism, _rules.Filter);

        // The child-protection records are independent facts of no team's partition (no rule joins them to anything), so they
        // run in partitions of their own, spread over the cores like the teams' (100,000 offenders come with some 75,000 of
        // these facts at the generator's rates: one session would hold up the whole evaluation). Only those that can match a
        // rule go in (most cannot: an accompanied interview, an action completed on time), so the partitions are sized by
        // what the sessions will hold. Their findings then span partitions, and the merge sorts those kinds whole.
        var childProtectionFacts = ChildProtectionFacts.Build(validated.ChildProtection, allowPartial, asOf, asOfInstant, policy, _rules.Filter, out var childProtection);
        var childProtectionPartition = (int)Math.Min((long)_partitionSize * ChildProtectionFactsPerOffender, int.MaxValue);
        for (var from = 0; from < childProtectionFacts.Count; from += childProtectionPartition)
        {
            var partition = new Partition(cases.Inputs);
            partition.Facts.AddRange(childProtectionFacts.GetRange(from, Math.Min(childProtectionPartition, childProtectionFacts.Count - from)));
            cases.Partitions.Add(partition);
        }

        var prepared = Stopwatch.GetTimestamp();
        var fired = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var parts = new ReportBuilder.SortedPart[cases.Partitions.Count];
        var runner = _rules.Runner;
        if (cases.Partitions.Count == 1 || _maxDegreeOfParallelism == 1)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parts[i] = runner.Run(cases.Partitions[i], fired);
            }
        }
        else
        {
            // Partitions not yet started when the token is cancelled are skipped; the loop then throws OperationCanceledException.
            Parallel.For(
                0,
                parts.Length,
                new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism, CancellationToken = cancellationToken },
                (i, loop) =>
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        loop.Stop();
                        return;
                    }

                    parts[i] = runner.Run(cases.Partitions[i], fired);
                });
        }

        cancellationToken.ThrowIfCancellationRequested();

        var ruled = Stopwatch.GetTimestamp();
        var findings = ReportBuilder.Merge(parts);
        if (_rules.HasHostRules)
        {
            FindingIds.EnsureUnique(findings);
        }
        var computed = ReportBuilder.Summarise(parts, findings, offenderRecords, cases.Evaluated, validated.RejectedOffenders.Count, cases.NotYetRegistered, cases.NeedingVisits, childProtection);
        (findings, var suppressed, var summary) = OverrideSuppression.Apply(findings, computed, validated.ValidOverrides, asOf);
        var finished = Stopwatch.GetTimestamp();
        var elapsedMs = Stopwatch.GetElapsedTime(started, finished).TotalMilliseconds;
        var prepareMs = Stopwatch.GetElapsedTime(started, prepared).TotalMilliseconds;
        var rulesMs = Stopwatch.GetElapsedTime(prepared, ruled).TotalMilliseconds;
        var reportMs = Stopwatch.GetElapsedTime(ruled, finished).TotalMilliseconds;
        // The date as yyyy-MM-dd whatever the culture: a generated log message formats its values by the current culture.
        var asOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        LogEvaluated(_logger, offenderRecords, asOfText, findings.Count, validated.Problems.Count, cases.Partitions.Count, elapsedMs, prepareMs, rulesMs, reportMs);
        EvaluationTelemetry.RecordEvaluated(activity, started, prepared, ruled, finished, summary, validated.Problems.Count);
        return new EvaluationReport
        {
            IsEvaluated = true,
            PartialResultsAllowed = allowPartial,
            AsOf = asOf,
            AsOfInstant = asOfInstant,
            PolicyVersion = policy.Version,
            Summary = summary,
            Findings = findings,
            Suppressed = suppressed,
            Problems = validated.Problems,
            // In ordinal order: the partitions' threads add the rules in whatever order they fire, and a set enumerates in the order it was filled.
            FiredRules = fired.Keys.Order(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        }.WithRecordSource(new RecordSource
        {
            SnapshotSha256 = snapshotSha256,
            Snapshot = snapshotSha256 is null ? snapshot : null,
            Basis = recordBasis,
        });
    }

    private static EvaluationReport NotEvaluated(IReadOnlyList<InputProblem> problems, DateOnly asOf, DateTimeOffset asOfInstant, string policyVersion, bool allowPartial, int offenders) => new()
    {
        IsEvaluated = false,
        PartialResultsAllowed = allowPartial,
        AsOf = asOf,
        AsOfInstant = asOfInstant,
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
    private static partial void LogEvaluated(ILogger logger, int offenderRecords, string asOf, int findingCount, int problemCount, int partitionCount, double elapsedMs, double prepareMs, double rulesMs, double reportMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Evaluation stopped: {ProblemCount} input problems in {OffenderRecords} offender records; nothing was evaluated")]
    private static partial void LogRejected(ILogger logger, int problemCount, int offenderRecords);
}
