using System.Globalization;
using System.Text.RegularExpressions;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Findings;
using Safeguarding.Rules.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>Reads one scenario file, collecting every problem with its line, column and field path.</summary>
internal sealed partial class ScenarioParser
{
    /// <summary>
    /// The deepest nesting of mappings and sequences a scenario file may have. A scenario needs about six levels
    /// (given, offenders, an offender, visits, a visit); the cap stops a file nested thousands deep from overflowing
    /// the stack while the YAML library builds its node tree.
    /// </summary>
    internal const int MaxDepth = 64;

    /// <summary>
    /// The most filler offenders (<c>holding</c>) all the managers of a scenario may ask for together, so a file of many
    /// managers each holding the most one may cannot make a run build a billion offenders.
    /// </summary>
    internal const int MaxHoldingTotal = 100_000;

    private static readonly string[] TopFields = ["description", "asOf", "policy", "exhaustive", "allowPartialResults", "given", "expect"];
    private static readonly string[] GivenFields = ["teams", "managers", "offenders", "overrides", "discussions", "detentions", "protections"];
    private static readonly string[] OverrideFields = ["id", "finding", "reasonCode", "authorisedBy", "fromDaysAgo", "fromOn", "untilDaysAgo", "untilOn"];
    private static readonly string[] ManagerFields = ["id", "team", "holding"];

    private static readonly string[] OffenderFields =
    [
        "id", "risk", "manager", "neighbourhood", "movedInDaysAgo", "movedInOn", "registeredDaysAgo", "registeredOn",
        "releasedDaysAgo", "releasedOn", "riskAssessedDaysAgo", "riskAssessedOn", "inCustody", "reactiveManagement",
        "visitIntervalDays", "mappaLevel", "lastVisitedDaysAgo", "lastVisitedOn", "noAccessDaysAgo", "visits",
        "briefedDaysAgo", "briefedOn", "briefings",
    ];

    private static readonly string[] VisitFields = ["daysAgo", "on", "outcome"];
    private static readonly string[] BriefingFields = ["neighbourhood", "daysAgo", "on"];
    private static readonly string[] AnyKindFields = ["kind", "none", "rule", "reasonContains"];

    /// <summary>Every field an expected finding may give: the ones of any kind, then each finding field's scenario name.</summary>
    private static readonly string[] ExpectFields = [.. AnyKindFields, .. FindingSchema.Fields.Select(static f => f.Alias)];

    private readonly string _path;
    private readonly string _name;
    private readonly List<ScenarioProblem> _problems = [];

    public ScenarioParser(string path, string name)
    {
        _path = path;
        _name = name;
    }

    public ScenarioLoadResult Parse(string yaml)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml), skipComments: true);
        var parser = new DepthLimitedParser(new Parser(scanner), MaxDepth);
        try
        {
            // The parser reads events without recursion; building the node tree recurses, so the depth is capped first.
            stream.Load(parser);
        }
        catch (YamlException) when (parser.TooDeepAt is { } deep)
        {
            Problem(deep, "$", Invariant($"nests mappings and sequences more than {MaxDepth} levels deep; a scenario needs fewer than ten"));
            return Result(null);
        }
        catch (YamlException exception)
        {
            Problem(exception.Start, "$", "is not valid YAML: " + YamlMessage(exception));
            return Result(null);
        }
        catch (InvalidOperationException)
        {
            // The YAML library fails this way on some malformed input (an unclosed flow collection at the end, for one).
            Problem(scanner.CurrentPosition, "$", "is not valid YAML: the text ends inside an unclosed [ ] or { }, or is otherwise malformed here");
            return Result(null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            _problems.Add(new ScenarioProblem(_path, 1, 1, "$", "is empty: a scenario needs description, asOf, given and expect"));
            return Result(null);
        }

        if (stream.Documents.Count > 1)
        {
            Problem(stream.Documents[1].RootNode.Start, "$", "holds more than one YAML document; put each scenario in a file of its own");
        }

        var root = stream.Documents[0].RootNode;
        var top = Mapping(root, string.Empty, "a scenario", TopFields);
        if (top is null)
        {
            return Result(null);
        }

        var description = Required(top, root, string.Empty, "description") is { } d ? Text(d, "description") : null;
        var asOf = Required(top, root, string.Empty, "asOf") is { } a ? Date(a, "asOf") : null;
        var exhaustive = Optional(top, "exhaustive") is { } e && (Bool(e, "exhaustive") ?? false);
        var allowPartial = Optional(top, "allowPartialResults") is { } p && (Bool(p, "allowPartialResults") ?? false);
        var policy = Optional(top, "policy") is { } policyNode ? new PolicyBlock(this).Read(policyNode) : PolicyBlock.Defaults;
        // An unreadable as-of date still lets every problem of the given facts be reported (against a stand-in date).
        var given = Required(top, root, string.Empty, "given") is { } givenNode ? Given(givenNode, asOf ?? DateOnly.MinValue.AddDays(200_000)) : null;

        var expectations = Required(top, root, string.Empty, "expect") is { } expectNode ? Expectations(expectNode) : [];
        if (_problems.Count > 0 || description is null || asOf is null || given is null || policy.Policy is null)
        {
            return Result(null);
        }

        given.WithPolicy(policy.Policy).AllowingPartialResults(allowPartial);
        var scenario = new Scenario(_name, _path, description, asOf.Value, policy.Policy, policy.Json, exhaustive, allowPartial, given.ToSnapshot(), expectations);
        return Result(scenario);
    }

    internal void Problem(Mark at, string field, string message) =>
        _problems.Add(new ScenarioProblem(_path, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), field.Length == 0 ? "$" : field, message));

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The problems in file order (stable, so problems at one place keep the order they were found in).</summary>
    private ScenarioLoadResult Result(Scenario? scenario) =>
        new(_path, _problems.Count == 0 ? scenario : null, _problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());

    private static string YamlMessage(YamlException exception)
    {
        var message = exception.InnerException is YamlException inner && inner.Message.Length > 0 ? inner.Message : exception.Message;
        return MarkPrefix().Replace(message, string.Empty);
    }

    private CaseloadScenario? Given(YamlNode node, DateOnly asOf)
    {
        var given = Mapping(node, "given", "given", GivenFields);
        if (given is null)
        {
            return null;
        }

        var scenario = CaseloadScenario.AsOf(asOf);
        if (Optional(given, "teams") is { } teams && Sequence(teams, "given.teams") is { } teamList)
        {
            for (var i = 0; i < teamList.Count; i++)
            {
                if (Id(teamList[i], Invariant($"given.teams[{i}]")) is { } team)
                {
                    scenario.Team(team);
                }
            }
        }

        var holdings = new List<(string Manager, int Count)>();
        var holdingTotal = 0L;
        if (Optional(given, "managers") is { } managers && Sequence(managers, "given.managers") is { } managerList)
        {
            for (var i = 0; i < managerList.Count; i++)
            {
                var path = Invariant($"given.managers[{i}]");
                var manager = Mapping(managerList[i], path, "a manager", ManagerFields);
                if (manager is null)
                {
                    continue;
                }

                var id = Required(manager, managerList[i], path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
                var team = Optional(manager, "team") is { } teamNode ? Id(teamNode, path + ".team") : null;
                var holding = Optional(manager, "holding") is { } holdingNode ? Int(holdingNode, path + ".holding", 0, MaxHoldingTotal) : null;
                if (holding is > 0 && holdingTotal <= MaxHoldingTotal && (holdingTotal += holding.Value) > MaxHoldingTotal)
                {
                    Problem(manager["holding"].Value.Start, path + ".holding", Invariant(
                        $"brings the managers' holdings to more than {MaxHoldingTotal:N0} filler offenders; a scenario may ask for at most {MaxHoldingTotal:N0} in total"));
                }

                if (id is not null)
                {
                    scenario.Manager(id, team);
                    if (holding is > 0 && holdingTotal <= MaxHoldingTotal)
                    {
                        holdings.Add((id, holding.Value));
                    }
                }
            }
        }

        if (Optional(given, "offenders") is { } offenders && Sequence(offenders, "given.offenders") is { } offenderList)
        {
            for (var i = 0; i < offenderList.Count; i++)
            {
                Offender(scenario, offenderList[i], Invariant($"given.offenders[{i}]"));
            }
        }

        foreach (var (manager, count) in holdings)
        {
            scenario.Holding(manager, count);
        }

        if (Optional(given, "overrides") is { } overrides && Sequence(overrides, "given.overrides") is { } overrideList)
        {
            for (var i = 0; i < overrideList.Count; i++)
            {
                Override(scenario, overrideList[i], Invariant($"given.overrides[{i}]"));
            }
        }

        ChildProtection(scenario, given);
        return scenario;
    }

    /// <summary>
    /// An override (contract section 8): <c>id</c>, <c>finding</c> (the finding id), <c>reasonCode</c> (default
    /// <c>IN_HOSPITAL</c>), <c>authorisedBy</c> (default <c>DS-0001</c>), and its first and last days as
    /// <c>fromDaysAgo</c>/<c>fromOn</c> and <c>untilDaysAgo</c>/<c>untilOn</c> (a negative number of days ago is in the future).
    /// </summary>
    private void Override(CaseloadScenario scenario, YamlNode node, string path)
    {
        var fields = Mapping(node, path, "an override", OverrideFields);
        if (fields is null)
        {
            return;
        }

        var id = Required(fields, node, path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
        var finding = Required(fields, node, path, "finding") is { } findingNode ? Id(findingNode, path + ".finding") : null;
        var reasonCode = NotNull(fields, "reasonCode") is { } codeNode ? Id(codeNode, path + ".reasonCode") : "IN_HOSPITAL";
        var authorisedBy = NotNull(fields, "authorisedBy") is { } byNode ? Id(byNode, path + ".authorisedBy") : "DS-0001";
        var from = DateField(fields, path, "from", scenario.Date, required: node);
        var until = DateField(fields, path, "until", scenario.Date, required: node);
        if (id is not null && finding is not null && reasonCode is not null && authorisedBy is not null && from is { } first && until is { } last)
        {
            scenario.Override(id, finding, first, last, reasonCode, authorisedBy);
        }
    }

    private void Offender(CaseloadScenario scenario, YamlNode node, string path)
    {
        var fields = Mapping(node, path, "an offender", OffenderFields);
        if (fields is null)
        {
            return;
        }

        var id = Required(fields, node, path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
        var risk = Required(fields, node, path, "risk") is { } riskNode ? Enum<RiskLevel>(riskNode, path + ".risk", "Low, Medium, High or VeryHigh") : null;
        var steps = new List<Action<OffenderBuilder>>();
        var problemsBefore = _problems.Count;

        if (NotNull(fields, "manager") is { } manager && Id(manager, path + ".manager") is { } managerId)
        {
            steps.Add(o => o.ManagedBy(managerId));
        }

        var neighbourhood = NotNull(fields, "neighbourhood") is { } n ? Id(n, path + ".neighbourhood") : null;
        if (neighbourhood is not null)
        {
            steps.Add(o => o.LivesIn(neighbourhood));
        }

        if (DateField(fields, path, "movedIn", scenario.Date) is { } movedIn)
        {
            if (neighbourhood is null)
            {
                Problem(KeyOf(fields, "movedInDaysAgo", "movedInOn"), path + ".movedIn", "needs neighbourhood: a move-in date is the date the offender moved into it");
            }

            steps.Add(o => o.MovedInOn(movedIn));
        }

        if (DateField(fields, path, "registered", scenario.Date) is { } registered)
        {
            steps.Add(o => o.RegisteredOn(registered));
        }

        if (DateField(fields, path, "released", scenario.Date) is { } released)
        {
            steps.Add(o => o.ReleasedOn(released));
        }

        var assessedGiven = fields.TryGetValue("riskAssessedDaysAgo", out var assessedDays) && IsNull(assessedDays.Value)
            || fields.TryGetValue("riskAssessedOn", out var assessedOn) && IsNull(assessedOn.Value);
        if (DateField(fields, path, "riskAssessed", scenario.Date) is { } assessed)
        {
            steps.Add(o => o.RiskAssessedOn(assessed));
        }
        else if (assessedGiven)
        {
            steps.Add(o => o.NeverRiskAssessed());
        }

        if (NotNull(fields, "inCustody") is { } custody && Bool(custody, path + ".inCustody") is { } inCustody)
        {
            steps.Add(o => o.InCustody(inCustody));
        }

        if (NotNull(fields, "reactiveManagement") is { } reactiveNode && Bool(reactiveNode, path + ".reactiveManagement") is { } reactive)
        {
            steps.Add(o => o.ReactiveManagement(reactive));
        }

        if (NotNull(fields, "visitIntervalDays") is { } interval && Int(interval, path + ".visitIntervalDays", int.MinValue, int.MaxValue) is { } days)
        {
            steps.Add(o => o.PlanIntervalDays(days));
        }

        if (NotNull(fields, "mappaLevel") is { } mappa && Int(mappa, path + ".mappaLevel", int.MinValue, int.MaxValue) is { } level)
        {
            steps.Add(o => o.MappaLevel(level));
        }

        if (DateField(fields, path, "lastVisited", scenario.Date) is { } lastVisited)
        {
            steps.Add(o => o.VisitedOn(lastVisited));
        }

        if (NotNull(fields, "noAccessDaysAgo") is { } noAccess)
        {
            foreach (var daysAgo in Ints(noAccess, path + ".noAccessDaysAgo"))
            {
                if (InCalendar(noAccess, path + ".noAccessDaysAgo", scenario.Date, daysAgo))
                {
                    steps.Add(o => o.NoAccessDaysAgo(daysAgo));
                }
            }
        }

        if (NotNull(fields, "visits") is { } visits && Sequence(visits, path + ".visits") is { } visitList)
        {
            for (var i = 0; i < visitList.Count; i++)
            {
                if (Visit(visitList[i], Invariant($"{path}.visits[{i}]"), scenario.Date) is { } visit)
                {
                    steps.Add(o => o.VisitedOn(visit.Date, visit.Outcome));
                }
            }
        }

        if (DateField(fields, path, "briefed", scenario.Date) is { } briefed)
        {
            if (neighbourhood is null)
            {
                Problem(KeyOf(fields, "briefedDaysAgo", "briefedOn"), path + ".briefed", "needs neighbourhood: the briefing is about the offender's neighbourhood (or use briefings with a neighbourhood each)");
            }

            steps.Add(o => o.BriefedOn(briefed));
        }

        if (NotNull(fields, "briefings") is { } briefings && Sequence(briefings, path + ".briefings") is { } briefingList)
        {
            for (var i = 0; i < briefingList.Count; i++)
            {
                if (Briefing(briefingList[i], Invariant($"{path}.briefings[{i}]"), scenario.Date) is { } briefing)
                {
                    steps.Add(o => o.BriefedOn(briefing.Date, briefing.Neighbourhood));
                }
            }
        }

        if (id is null || risk is null || _problems.Count > problemsBefore)
        {
            return;
        }

        scenario.Offender(id, risk.Value, o =>
        {
            foreach (var step in steps)
            {
                step(o);
            }
        });
    }

    private (DateOnly Date, VisitOutcome Outcome)? Visit(YamlNode node, string path, DateOnly asOf)
    {
        var fields = Mapping(node, path, "a visit", VisitFields);
        if (fields is null)
        {
            return null;
        }

        var date = DateField(fields, path, string.Empty, asOf, required: node);
        var outcome = Required(fields, node, path, "outcome") is { } o ? Enum<VisitOutcome>(o, path + ".outcome", "Completed, NoAccess or Cancelled") : null;
        return date is { } d && outcome is { } v ? (d, v) : null;
    }

    private (DateOnly Date, string Neighbourhood)? Briefing(YamlNode node, string path, DateOnly asOf)
    {
        var fields = Mapping(node, path, "a briefing", BriefingFields);
        if (fields is null)
        {
            return null;
        }

        var neighbourhood = Required(fields, node, path, "neighbourhood") is { } n ? Id(n, path + ".neighbourhood") : null;
        var date = DateField(fields, path, string.Empty, asOf, required: node);
        return date is { } d && neighbourhood is not null ? (d, neighbourhood) : null;
    }

    private List<FindingExpectation> Expectations(YamlNode node)
    {
        var expectations = new List<FindingExpectation>();
        if (Sequence(node, "expect") is not { } list)
        {
            return expectations;
        }

        var noneAt = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var path = Invariant($"expect[{i}]");
            if (Expectation(list[i], path) is { } expectation)
            {
                expectations.Add(expectation);
                if (expectation.None)
                {
                    noneAt.TryAdd(expectation.Kind, path);
                }
            }
        }

        foreach (var (kind, path) in noneAt)
        {
            var index = int.Parse(path.AsSpan(7, path.Length - 8), CultureInfo.InvariantCulture);
            if (expectations.Any(e => !e.None && string.Equals(e.Kind, kind, StringComparison.Ordinal)))
            {
                Problem(list[index].Start, path + ".none", Invariant($"says there is no {kind} finding, but the scenario also expects {kind} findings; keep one or the other"));
            }
        }

        return expectations;
    }

    private FindingExpectation? Expectation(YamlNode node, string path)
    {
        var fields = Mapping(node, path, "an expected finding", ExpectFields);
        if (fields is null)
        {
            return null;
        }

        var problemsBefore = _problems.Count;
        string? kind = null;
        if (Required(fields, node, path, "kind") is { } kindNode && Text(kindNode, path + ".kind") is { } kindText)
        {
            if (FindingSchema.TryGetContractKind(kindText, out _))
            {
                kind = kindText;
            }
            else
            {
                Problem(kindNode.Start, path + ".kind", "is not a finding kind; expected one of " + string.Join(", ", FindingKinds.All));
            }
        }

        var none = NotNull(fields, "none") is { } noneNode && (Bool(noneNode, path + ".none") ?? false);
        if (kind is not null)
        {
            foreach (var (name, (key, _)) in fields)
            {
                if (none && !string.Equals(name, "kind", StringComparison.Ordinal) && !string.Equals(name, "none", StringComparison.Ordinal))
                {
                    Problem(key.Start, path + "." + name, "cannot be given with none: true, which says there is no finding of the kind at all");
                }
                else if (!AnyKindFields.Contains(name, StringComparer.Ordinal) && !FindingSchema.Of(kind).Fields.Any(f => string.Equals(f.Alias, name, StringComparison.Ordinal)))
                {
                    Problem(key.Start, path + "." + name, Invariant($"is not a field of {kind} findings; they have {string.Join(", ", FindingSchema.Of(kind).Fields.Select(static f => f.Alias))}"));
                }
            }
        }

        var expectation = new FindingExpectation
        {
            Kind = kind ?? string.Empty,
            None = none,
            Fields = ExpectedValues(fields, path, kind),
            Rule = NotNull(fields, "rule") is { } rule ? Id(rule, path + ".rule") : null,
            ReasonContains = NotNull(fields, "reasonContains") is { } reason ? Text(reason, path + ".reasonContains") : null,
            Line = (int)node.Start.Line,
        };
        return kind is null || _problems.Count > problemsBefore ? null : expectation;
    }

    /// <summary>The finding fields an expectation gives, parsed by each field's type and kept as the findings document writes them.</summary>
    private Dictionary<string, string> ExpectedValues(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string path, string? kind)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in FindingSchema.Fields)
        {
            if (NotNull(fields, field.Alias) is not { } node)
            {
                continue;
            }

            var at = path + "." + field.Alias;
            var value = field.Type switch
            {
                FindingValueType.Number => Int(node, at, field.Minimum, int.MaxValue)?.ToString(CultureInfo.InvariantCulture),
                FindingValueType.Date => Date(node, at)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                FindingValueType.RiskLevel => Enum<RiskLevel>(node, at, "Low, Medium, High or VeryHigh")?.ToString(),
                FindingValueType.EscalationLevel => EscalationLevelOf(node, at, kind),
                FindingValueType.Instant => Instant(node, at),
                FindingValueType.Boolean => Bool(node, at) is { } flag ? (flag ? "true" : "false") : null,
                _ => Id(node, at),
            };
            if (value is not null)
            {
                values[field.Name] = value;
            }
        }

        return values;
    }

    /// <summary>An escalation level of the kind's own order (every level when the kind is unknown).</summary>
    private string? EscalationLevelOf(YamlNode node, string path, string? kind)
    {
        var levels = kind is not null && FindingSchema.Of(kind).EscalationLevels is { Count: > 0 } own ? own : System.Enum.GetValues<EscalationLevel>();
        var names = levels.Select(static l => l.ToString()).ToList();
        var expected = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
        var text = Scalar(node, path, expected);
        if (text is null || names.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Problem(node.Start, path, "unknown value; expected " + expected);
        return null;
    }

    /// <summary>A date given as <c>{prefix}DaysAgo</c> (days before the as-of date) or <c>{prefix}On</c> (a date); one of the two at most.</summary>
    private DateOnly? DateField(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string path, string prefix, DateOnly asOf, YamlNode? required = null)
    {
        var daysName = prefix.Length == 0 ? "daysAgo" : prefix + "DaysAgo";
        var onName = prefix.Length == 0 ? "on" : prefix + "On";
        var days = NotNull(fields, daysName);
        var on = NotNull(fields, onName);
        if (days is not null && on is not null)
        {
            Problem(fields[onName].Key.Start, path + "." + onName, Invariant($"cannot be given with {daysName}: give the date one way"));
            return null;
        }

        if (days is null && on is null)
        {
            if (required is not null)
            {
                Problem(required.Start, path + "." + daysName, Invariant($"is required (or {onName}, a yyyy-MM-dd date)"));
            }

            return null;
        }

        if (on is not null)
        {
            return Date(on, path + "." + onName);
        }

        var count = Int(days!, path + "." + daysName, -100_000, 100_000);
        return count is { } c && InCalendar(days!, path + "." + daysName, asOf, c) ? asOf.AddDays(-c) : null;
    }

    /// <summary>Whether <paramref name="daysAgo"/> days before <paramref name="asOf"/> is a date; when not, a problem of the field.</summary>
    private bool InCalendar(YamlNode node, string path, DateOnly asOf, int daysAgo)
    {
        var day = (long)asOf.DayNumber - daysAgo;
        if (day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber)
        {
            return true;
        }

        Problem(node.Start, path, Invariant($"is {daysAgo} days before asOf, a date outside the calendar (0001-01-01 to 9999-12-31)"));
        return false;
    }

    internal Dictionary<string, (YamlScalarNode Key, YamlNode Value)>? Mapping(YamlNode node, string path, string what, string[]? allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node.Start, path, Invariant($"must be {what}: a mapping of field: value"));
            return null;
        }

        var fields = new Dictionary<string, (YamlScalarNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var field = path.Length == 0 ? string.Empty : path + ".";
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key } scalar)
            {
                Problem(keyNode.Start, path, "has a field name that is not plain text");
                continue;
            }

            if (allowed is not null && !allowed.Contains(key, StringComparer.Ordinal))
            {
                var suggestion = Closest(key, allowed) is { } near ? Invariant($"did you mean {near}? ") : string.Empty;
                Problem(keyNode.Start, field + key, Invariant($"is not a field of {what}; {suggestion}expected {string.Join(", ", allowed)}"));
                continue;
            }

            fields[key] = (scalar, value);
        }

        return fields;
    }

    private YamlNode? Required(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, YamlNode owner, string path, string name)
    {
        if (fields.TryGetValue(name, out var field) && !IsNull(field.Value))
        {
            return field.Value;
        }

        var at = fields.TryGetValue(name, out var present) ? present.Key.Start : owner.Start;
        Problem(at, path.Length == 0 ? name : path + "." + name, "is required");
        return null;
    }

    private static Mark KeyOf(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string first, string second) =>
        (fields.TryGetValue(first, out var field) ? field : fields[second]).Key.Start;

    private static YamlNode? Optional(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string name) =>
        NotNull(fields, name);

    private static YamlNode? NotNull(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string name) =>
        fields.TryGetValue(name, out var field) && !IsNull(field.Value) ? field.Value : null;

    private IList<YamlNode>? Sequence(YamlNode node, string path)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        Problem(node.Start, path, "must be a list (- item lines, or [a, b])");
        return null;
    }

    private string? Scalar(YamlNode node, string path, string what)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Problem(node.Start, path, "must be " + what);
        return null;
    }

    private string? Text(YamlNode node, string path)
    {
        var text = Scalar(node, path, "text");
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Problem(node.Start, path, "must not be empty");
            return null;
        }

        return text;
    }

    private string? Id(YamlNode node, string path) => Text(node, path);

    private bool? Bool(YamlNode node, string path)
    {
        var text = Scalar(node, path, "true or false");
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Problem(node.Start, path, "must be true or false");
                return null;
        }
    }

    private int? Int(YamlNode node, string path, int minimum, int maximum)
    {
        var text = Scalar(node, path, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(node.Start, path, "must be a whole number");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            Problem(node.Start, path, maximum == int.MaxValue
                ? Invariant($"must be at least {minimum}")
                : Invariant($"must be from {minimum} to {maximum}"));
            return null;
        }

        return value;
    }

    private List<int> Ints(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return Int(node, path, -100_000, 100_000) is { } single ? [single] : [];
        }

        var values = new List<int>();
        if (Sequence(node, path) is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (Int(list[i], Invariant($"{path}[{i}]"), -100_000, 100_000) is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    /// <summary>An instant as the findings document writes it (UTC, whole seconds, <c>yyyy-MM-ddTHH:mm:ssZ</c>), so an expectation compares with the finding's formatted value.</summary>
    private string? Instant(YamlNode node, string path)
    {
        var text = Scalar(node, path, "a date-time with an offset, e.g. 2018-04-30T20:15:00Z");
        if (text is null)
        {
            return null;
        }

        if (!InstantText.TryParse(text, out var instant))
        {
            Problem(node.Start, path, InstantText.Expected);
            return null;
        }

        return InstantText.Format(InstantText.ToOutput(instant));
    }

    private DateOnly? Date(YamlNode node, string path)
    {
        var text = Scalar(node, path, "a date, yyyy-MM-dd");
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problem(node.Start, path, "must be a real date written yyyy-MM-dd");
            return null;
        }

        return date;
    }

    private T? Enum<T>(YamlNode node, string path, string expected)
        where T : struct, System.Enum
    {
        var text = Scalar(node, path, expected);
        if (text is null)
        {
            return null;
        }

        foreach (var value in System.Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Problem(node.Start, path, "unknown value; expected " + expected);
        return null;
    }

    /// <summary>The allowed name closest to a misspelt one (at most two edits, or the same letters in another case), if any.</summary>
    private static string? Closest(string name, string[] allowed)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in allowed)
        {
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
