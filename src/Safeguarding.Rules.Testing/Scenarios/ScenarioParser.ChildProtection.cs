using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;
using YamlDotNet.RepresentationModel;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <content>
/// The child-protection records of a scenario's <c>given</c> block (contract section 6): <c>discussions</c> (strategy
/// discussions with their <c>actions</c>), <c>detentions</c> (with their <c>interviews</c>) and <c>protections</c>
/// (police protections). Fields are named as in the contract; a date may also be given in days before the as-of date
/// (<c>heldDaysAgo</c> for <c>heldOn</c>, ...), and instants are written with their offset, as in a snapshot.
/// </content>
internal sealed partial class ScenarioParser
{
    private static readonly string[] DiscussionFields = ["id", "teamId", "heldDaysAgo", "heldOn", "outcomeRecordedDaysAgo", "outcomeRecordedOn", "actions"];
    private static readonly string[] ActionFields = ["id", "owner", "dueDaysAgo", "dueOn", "completedDaysAgo", "completedOn"];
    private static readonly string[] DetentionFields = ["id", "custodySuiteId", "juvenile", "authorisedAt", "appropriateAdultArrivedAt", "releasedAt", "interviews"];
    private static readonly string[] InterviewFields = ["startedAt", "appropriateAdultPresent", "urgentInterviewAuthorised"];
    private static readonly string[] ProtectionFields = ["id", "teamId", "startedAt", "localAuthorityInformedAt", "endedAt"];

    /// <summary>Reads <c>given.discussions</c>, <c>given.detentions</c> and <c>given.protections</c> into the scenario.</summary>
    private void ChildProtection(CaseloadScenario scenario, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> given)
    {
        foreach (var (node, i) in Items(given, "discussions"))
        {
            if (ReadDiscussion(node, Invariant($"given.discussions[{i}]"), scenario.Date) is { } discussion)
            {
                scenario.Discussion(discussion);
            }
        }

        foreach (var (node, i) in Items(given, "detentions"))
        {
            if (ReadDetention(node, Invariant($"given.detentions[{i}]")) is { } detention)
            {
                scenario.Detention(detention);
            }
        }

        foreach (var (node, i) in Items(given, "protections"))
        {
            if (ReadProtection(node, Invariant($"given.protections[{i}]")) is { } protection)
            {
                scenario.Protection(protection);
            }
        }
    }

    private IEnumerable<(YamlNode Node, int Index)> Items(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string name, string? path = null)
    {
        var at = path is null ? "given." + name : path + "." + name;
        return Optional(fields, name) is { } node && Sequence(node, at) is { } list
            ? list.Select(static (item, index) => (item, index))
            : [];
    }

    /// <summary>A strategy discussion: <c>id</c>, <c>teamId</c>, <c>heldOn</c>, <c>outcomeRecordedOn</c>, <c>actions</c>.</summary>
    private StrategyDiscussion? ReadDiscussion(YamlNode node, string path, DateOnly asOf)
    {
        var fields = Mapping(node, path, "a strategy discussion", DiscussionFields);
        if (fields is null)
        {
            return null;
        }

        var problemsBefore = _problems.Count;
        var id = Required(fields, node, path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
        var team = NotNull(fields, "teamId") is { } teamNode ? Id(teamNode, path + ".teamId") : null;
        var held = DateField(fields, path, "held", asOf, required: node);
        var recorded = DateField(fields, path, "outcomeRecorded", asOf);
        var actions = new List<StrategyAction>();
        foreach (var (item, i) in Items(fields, "actions", path))
        {
            if (ReadAction(item, Invariant($"{path}.actions[{i}]"), asOf) is { } action)
            {
                actions.Add(action);
            }
        }

        return id is null || held is null || _problems.Count > problemsBefore
            ? null
            : new StrategyDiscussion { Id = id, TeamId = team, HeldOn = held.Value, OutcomeRecordedOn = recorded, Actions = actions };
    }

    /// <summary>An action agreed at a strategy discussion: <c>id</c>, <c>owner</c>, <c>dueOn</c>, <c>completedOn</c>.</summary>
    private StrategyAction? ReadAction(YamlNode node, string path, DateOnly asOf)
    {
        var fields = Mapping(node, path, "an action", ActionFields);
        if (fields is null)
        {
            return null;
        }

        var id = Required(fields, node, path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
        var owner = Required(fields, node, path, "owner") is { } ownerNode ? Enum<ActionOwner>(ownerNode, path + ".owner", "Police, SocialCare, Health, Education or Other") : null;
        var due = DateField(fields, path, "due", asOf, required: node);
        var completed = DateField(fields, path, "completed", asOf);
        return id is null || owner is null || due is null
            ? null
            : new StrategyAction { Id = id, Owner = owner.Value, DueOn = due.Value, CompletedOn = completed };
    }

    /// <summary>A detention: <c>id</c>, <c>custodySuiteId</c>, <c>juvenile</c>, <c>authorisedAt</c>, <c>appropriateAdultArrivedAt</c>, <c>releasedAt</c>, <c>interviews</c>.</summary>
    private Detention? ReadDetention(YamlNode node, string path)
    {
        var fields = Mapping(node, path, "a detention", DetentionFields);
        if (fields is null)
        {
            return null;
        }

        var problemsBefore = _problems.Count;
        var id = Required(fields, node, path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
        var suite = Required(fields, node, path, "custodySuiteId") is { } suiteNode ? Id(suiteNode, path + ".custodySuiteId") : null;
        var juvenile = Required(fields, node, path, "juvenile") is { } juvenileNode ? Bool(juvenileNode, path + ".juvenile") : null;
        var authorised = Required(fields, node, path, "authorisedAt") is { } authorisedNode ? InstantValue(authorisedNode, path + ".authorisedAt") : null;
        var arrived = NotNull(fields, "appropriateAdultArrivedAt") is { } arrivedNode ? InstantValue(arrivedNode, path + ".appropriateAdultArrivedAt") : null;
        var released = NotNull(fields, "releasedAt") is { } releasedNode ? InstantValue(releasedNode, path + ".releasedAt") : null;
        var interviews = new List<Interview>();
        foreach (var (item, i) in Items(fields, "interviews", path))
        {
            if (ReadInterview(item, Invariant($"{path}.interviews[{i}]")) is { } interview)
            {
                interviews.Add(interview);
            }
        }

        return id is null || suite is null || juvenile is null || authorised is null || _problems.Count > problemsBefore
            ? null
            : new Detention
            {
                Id = id,
                CustodySuiteId = suite,
                Juvenile = juvenile.Value,
                AuthorisedAt = authorised.Value,
                AppropriateAdultArrivedAt = arrived,
                ReleasedAt = released,
                Interviews = interviews,
            };
    }

    /// <summary>An interview of a detention: <c>startedAt</c>, <c>appropriateAdultPresent</c>, <c>urgentInterviewAuthorised</c> (default false).</summary>
    private Interview? ReadInterview(YamlNode node, string path)
    {
        var fields = Mapping(node, path, "an interview", InterviewFields);
        if (fields is null)
        {
            return null;
        }

        var started = Required(fields, node, path, "startedAt") is { } startedNode ? InstantValue(startedNode, path + ".startedAt") : null;
        var present = Required(fields, node, path, "appropriateAdultPresent") is { } presentNode ? Bool(presentNode, path + ".appropriateAdultPresent") : null;
        var urgent = NotNull(fields, "urgentInterviewAuthorised") is { } urgentNode ? Bool(urgentNode, path + ".urgentInterviewAuthorised") : false;
        return started is null || present is null || urgent is null
            ? null
            : new Interview { StartedAt = started.Value, AppropriateAdultPresent = present.Value, UrgentInterviewAuthorised = urgent.Value };
    }

    /// <summary>A police protection: <c>id</c>, <c>teamId</c>, <c>startedAt</c>, <c>localAuthorityInformedAt</c>, <c>endedAt</c>.</summary>
    private PoliceProtection? ReadProtection(YamlNode node, string path)
    {
        var fields = Mapping(node, path, "a police protection", ProtectionFields);
        if (fields is null)
        {
            return null;
        }

        var problemsBefore = _problems.Count;
        var id = Required(fields, node, path, "id") is { } idNode ? Id(idNode, path + ".id") : null;
        var team = NotNull(fields, "teamId") is { } teamNode ? Id(teamNode, path + ".teamId") : null;
        var started = Required(fields, node, path, "startedAt") is { } startedNode ? InstantValue(startedNode, path + ".startedAt") : null;
        var informed = NotNull(fields, "localAuthorityInformedAt") is { } informedNode ? InstantValue(informedNode, path + ".localAuthorityInformedAt") : null;
        var ended = NotNull(fields, "endedAt") is { } endedNode ? InstantValue(endedNode, path + ".endedAt") : null;
        return id is null || started is null || _problems.Count > problemsBefore
            ? null
            : new PoliceProtection { Id = id, TeamId = team, StartedAt = started.Value, LocalAuthorityInformedAt = informed, EndedAt = ended };
    }

    /// <summary>An instant with its offset, read exactly as a snapshot's (contract section 6).</summary>
    private DateTimeOffset? InstantValue(YamlNode node, string path)
    {
        var text = Scalar(node, path, "a date-time with an offset, e.g. 2018-05-01T09:00:00+01:00");
        if (text is null)
        {
            return null;
        }

        if (!InstantText.TryParse(text, out var instant))
        {
            Problem(node.Start, path, InstantText.Expected);
            return null;
        }

        return instant;
    }
}
