using NRules.Fluent.Dsl;
using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Validation;
using Safeguarding.Rules.Visits;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// One evaluation of a snapshot, kept to explain any number of its subjects: the report (whether each rule fired comes
/// from its findings, never from the explanation's own arithmetic) and the working facts the rules saw, built again by
/// the same code the evaluation uses, so the values an explanation quotes are the values the rules compared.
/// </summary>
internal sealed class ExplanationContext
{
    /// <summary>Every built-in rule's name, switched off or not, in the catalogue's order (ordinal).</summary>
    private static readonly string[] BuiltInRuleNames = CompiledRules.BuiltInRuleTypes
        .Select(static t => (string)t.GetCustomAttributesData().First(static a => a.AttributeType == typeof(NameAttribute)).ConstructorArguments[0].Value!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    private readonly IReadOnlyList<RuleInfo> _compiled;
    private readonly HashSet<string> _running;
    private readonly ValidatedSnapshot? _input;
    private readonly FactBuilder? _cases;
    private Dictionary<string, int>? _offenders;
    private Dictionary<string, ManagerCase>? _managers;
    private Dictionary<string, TeamCase>? _teams;
    private Dictionary<string, int>? _overdueByTeam;
    private readonly List<object> _childProtection;

    private ExplanationContext(CaseloadSnapshot snapshot, EvaluationReport report, PolicyView policy, IReadOnlyList<RuleInfo> compiled, ValidatedSnapshot? input, FactBuilder? cases, List<object>? childProtection)
    {
        _childProtection = childProtection ?? [];
        Snapshot = snapshot;
        Report = report;
        Policy = policy;
        _compiled = compiled;
        _running = new HashSet<string>(compiled.Select(static r => r.Name), StringComparer.Ordinal);
        _input = input;
        _cases = cases;
    }

    /// <summary>The snapshot explained.</summary>
    public CaseloadSnapshot Snapshot { get; }

    /// <summary>The evaluation of the snapshot.</summary>
    public EvaluationReport Report { get; }

    /// <summary>The policy in force.</summary>
    public PolicyView Policy { get; }

    /// <summary>The as-of date.</summary>
    public DateOnly AsOf => Report.AsOf;

    /// <summary>The as-of instant T of the child-protection clocks (contract section 6).</summary>
    public DateTimeOffset AsOfInstant => Report.AsOfInstant;

    /// <summary>Rebuilds the facts of an evaluated <paramref name="report"/> of <paramref name="input"/> under <paramref name="policy"/>.</summary>
    /// <param name="input">The snapshot evaluated, as read.</param>
    /// <param name="report">Its evaluation.</param>
    /// <param name="policy">The policy the evaluation applied.</param>
    /// <param name="compiled">The engine's catalogue: the rules that run (built-in and host).</param>
    public static ExplanationContext Create(SnapshotReadResult input, EvaluationReport report, PolicyView policy, IReadOnlyList<RuleInfo> compiled)
    {
        var snapshot = input.Snapshot;
        if (!report.IsEvaluated)
        {
            return new ExplanationContext(snapshot, report, policy, compiled, null, null, null);
        }

        var records = new RecordAggregates(snapshot.Offenders, report.AsOf);
        var validated = SnapshotValidator.Validate(input, 1, records, policy);
        var cases = FactBuilder.Build(validated, records.Complete(), report.AsOf, policy, report.PartialResultsAllowed, int.MaxValue);
        var childProtection = ChildProtectionFacts.Build(validated.ChildProtection, report.PartialResultsAllowed, report.AsOf, report.AsOfInstant, policy, null, out _);
        return new ExplanationContext(snapshot, report, policy, compiled, validated, cases, childProtection);
    }

    /// <summary>Whether the rule named <paramref name="rule"/> runs in this engine (not switched off).</summary>
    public bool IsRunning(string rule) => _running.Contains(rule);

    /// <summary>Explains <paramref name="subject"/>.</summary>
    public SubjectExplanation Explain(ExplainSubject subject)
    {
        var explainer = SubjectExplainers.For(subject.Kind);
        var known = explainer.IsInSnapshot(Snapshot, subject.Id);
        var problem = known ? null : "The snapshot has no " + explainer.Name + " with id " + subject.Id + ".";
        if (!Report.IsEvaluated || !known)
        {
            return Result(subject, problem, []);
        }

        var accounts = explainer.Accounts(this, subject.Id);
        var rules = new List<RuleExplanation>();
        foreach (var name in BuiltInRuleNames)
        {
            if (!explainer.Rules.Contains(name))
            {
                continue;
            }

            var account = accounts[name];
            var running = IsRunning(name);
            var traces = Traces(explainer, subject.Id, name, builtIn: true);
            var fired = running && traces.Count > 0;
            // Suppressed only when every finding of the rule about the subject was (one current finding is raised, plainly).
            var suppressedBy = fired && traces.TrueForAll(static t => t.OverrideId is not null) ? traces[0].OverrideId : null;
            var text = !running
                ? "switched off, so it did not run; by the policy it would " + (account.Holds ? "be raised: " : "not be raised: ") + account.Because
                : suppressedBy is not null ? "raised, then suppressed by override " + suppressedBy + ": " + account.Because
                : (fired ? "raised: " : "not raised: ") + account.Because;
            rules.Add(new RuleExplanation { Rule = name, IsBuiltIn = true, Fired = fired, Disabled = !running, SuppressedBy = suppressedBy, Explanation = text });
        }

        foreach (var host in _compiled)
        {
            if (host.IsBuiltIn)
            {
                continue;
            }

            var traces = Traces(explainer, subject.Id, host.Name, builtIn: false);
            var suppressedBy = traces.Count > 0 && traces.TrueForAll(static t => t.OverrideId is not null) ? traces[0].OverrideId : null;
            var text = traces.Count == 0
                ? "not raised: a host rule; no finding about this " + explainer.Name + "."
                : (suppressedBy is null ? "raised: " : "raised, then suppressed by override " + suppressedBy + ": ")
                  + "a host rule; " + Reasons.Count(traces.Count, "finding") + " about this " + explainer.Name + ".";
            rules.Add(new RuleExplanation { Rule = host.Name, IsBuiltIn = false, Fired = traces.Count > 0, Disabled = false, SuppressedBy = suppressedBy, Explanation = text });
        }

        return Result(subject, null, rules);
    }

    /// <summary>The snapshot index of the evaluated or rejected offender record with id <paramref name="id"/>; -1 when none is valid.</summary>
    public int ValidOffenderIndex(string id)
    {
        if (_offenders is null)
        {
            var offenders = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Snapshot.Offenders.Count; i++)
            {
                if (_input!.OffenderValid[i] && Snapshot.Offenders[i]?.Id is { } offenderId)
                {
                    offenders.TryAdd(offenderId, i);
                }
            }

            _offenders = offenders;
        }

        return _offenders.TryGetValue(id, out var index) ? index : -1;
    }

    /// <summary>The fields at fault of the rejected offender records with id <paramref name="id"/>.</summary>
    public IReadOnlyList<string> RejectedOffenderFields(string id) =>
        _input!.RejectedOffenders.Where(r => r.Id == id).SelectMany(static r => r.Fields).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The offender fact the rules saw for the snapshot record at <paramref name="index"/> (which must be evaluated).</summary>
    public OffenderCase Offender(int index) => _cases!.Inputs.Create(index);

    /// <summary>The manager fact with id <paramref name="id"/>; <see langword="null"/> when the manager record was rejected.</summary>
    public ManagerCase? Manager(string id)
    {
        _managers ??= Facts<ManagerCase>().ToDictionary(static m => m.Id, StringComparer.Ordinal);
        return _managers.GetValueOrDefault(id);
    }

    /// <summary>The team fact with id <paramref name="id"/>; <see langword="null"/> when the team record was rejected.</summary>
    public TeamCase? Team(string id)
    {
        _teams ??= Facts<TeamCase>().ToDictionary(static t => t.Id, StringComparer.Ordinal);
        return _teams.GetValueOrDefault(id);
    }

    /// <summary>
    /// The overdue visits of the team with id <paramref name="id"/> as the unit backlog rule counts them: the
    /// <see cref="OverdueVisit"/> conclusions of <c>VisitOverdue</c> (none when it is switched off) for offenders whose
    /// manager is in the team, by the visit policy's own functions.
    /// </summary>
    public int OverdueVisitsOfTeam(string id)
    {
        if (_overdueByTeam is null)
        {
            var overdue = new Dictionary<string, int>(StringComparer.Ordinal);
            if (IsRunning(RuleNames.VisitOverdue))
            {
                foreach (var index in _cases!.Partitions.SelectMany(static p => p.OffenderIndexes))
                {
                    var offender = Offender(index);
                    if (offender.TeamId is { } team && VisitOverdueRule.Holds(offender))
                    {
                        overdue[team] = overdue.GetValueOrDefault(team) + 1;
                    }
                }
            }

            _overdueByTeam = overdue;
        }

        return _overdueByTeam.GetValueOrDefault(id);
    }

    /// <summary>The valid strategy discussion with id <paramref name="id"/> as recorded; <see langword="null"/> when none is valid.</summary>
    public StrategyDiscussion? DiscussionRecord(string id) => _input!.ChildProtection.Discussions.Find(d => d.Id == id);

    /// <summary>The valid detention with id <paramref name="id"/> as recorded; <see langword="null"/> when none is valid.</summary>
    public Detention? DetentionRecord(string id) => _input!.ChildProtection.Detentions.Find(d => d.Id == id);

    /// <summary>The valid police protection with id <paramref name="id"/> as recorded; <see langword="null"/> when none is valid.</summary>
    public PoliceProtection? ProtectionRecord(string id) => _input!.ChildProtection.Protections.Find(p => p.Id == id);

    /// <summary>The discussion fact the rules saw; <see langword="null"/> when the discussion was held after the as-of date (or rejected).</summary>
    public StrategyDiscussionCase? Discussion(string id) => _childProtection.OfType<StrategyDiscussionCase>().FirstOrDefault(d => d.DiscussionId == id);

    /// <summary>The action facts of the discussion with id <paramref name="id"/>, in recorded order.</summary>
    public IReadOnlyList<StrategyActionCase> Actions(string id) => _childProtection.OfType<StrategyActionCase>().Where(a => a.DiscussionId == id).ToList();

    /// <summary>The detention fact the rules saw; <see langword="null"/> when it was authorised after the as-of instant (or rejected).</summary>
    public DetentionCase? Detention(string id) => _childProtection.OfType<DetentionCase>().FirstOrDefault(d => d.DetentionId == id);

    /// <summary>The interview facts of the detention with id <paramref name="id"/>: those started by the as-of instant, in recorded order.</summary>
    public IReadOnlyList<InterviewCase> Interviews(string id) => _childProtection.OfType<InterviewCase>().Where(i => i.DetentionId == id).ToList();

    /// <summary>The protection fact the rules saw; <see langword="null"/> when it started after the as-of instant (or was rejected).</summary>
    public PoliceProtectionCase? Protection(string id) => _childProtection.OfType<PoliceProtectionCase>().FirstOrDefault(p => p.ProtectionId == id);

    /// <summary>
    /// The fields at fault of the rejected records of the child-protection array <paramref name="array"/> with id
    /// <paramref name="id"/>; empty when none was rejected.
    /// </summary>
    public IReadOnlyList<string> RejectedFields(string array, string id) =>
        _input!.ChildProtection.Rejected.Where(r => r.Array == array && r.Id == id).SelectMany(static r => r.Fields).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Whether a record of the child-protection array <paramref name="array"/> with id <paramref name="id"/> was rejected.</summary>
    public bool IsRejected(string array, string id) => _input!.ChildProtection.Rejected.Exists(r => r.Array == array && r.Id == id);

    private IEnumerable<T> Facts<T>() => _cases!.Partitions.SelectMany(static p => p.Facts).OfType<T>();

    /// <summary>
    /// The findings the rule named <paramref name="rule"/> produced about the subject, each with the override that
    /// suppressed it. The <c>VisitOverdue</c> rule's are the <c>VisitOverdue</c> findings (the escalation rule that
    /// placed each one names itself as the finding's rule).
    /// </summary>
    /// <remarks>
    /// A finding an active override suppressed (contract section 8) still fired: it comes with the override's id, so
    /// <see cref="RuleExplanation.Fired"/> is true and <see cref="RuleExplanation.SuppressedBy"/> names the override.
    /// </remarks>
    private List<(Finding Finding, string? OverrideId)> Traces(SubjectExplainer explainer, string id, string rule, bool builtIn)
    {
        var traces = new List<(Finding, string?)>();
        var byKind = builtIn && rule == RuleNames.VisitOverdue;
        foreach (var finding in Report.Findings)
        {
            if (IsTrace(finding))
            {
                traces.Add((finding, null));
            }
        }

        foreach (var suppressed in Report.Suppressed)
        {
            if (IsTrace(suppressed.Finding))
            {
                traces.Add((suppressed.Finding, suppressed.OverrideId));
            }
        }

        return traces;

        bool IsTrace(Finding finding) => (byKind ? finding.Kind == FindingKinds.VisitOverdue : finding.Rule == rule) && explainer.IsAbout(finding, id);
    }

    private SubjectExplanation Result(ExplainSubject subject, string? problem, IReadOnlyList<RuleExplanation> rules) => new()
    {
        Subject = subject,
        AsOf = Report.AsOf,
        PolicyVersion = Report.PolicyVersion,
        IsEvaluated = Report.IsEvaluated,
        Problems = Report.Problems,
        SubjectProblem = problem,
        Rules = rules,
    };
}
