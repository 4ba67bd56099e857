using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// The child-protection part of the snapshot (contract section 6): <c>extractedAt</c> and the arrays
/// <c>strategyDiscussions</c> (with nested <c>actions</c>), <c>detentions</c> (with nested <c>interviews</c>) and
/// <c>policeProtections</c>. A problem in a nested record is a problem of its parent record, named by its path
/// (<c>actions[2].owner</c>), and makes the parent malformed as a whole.
/// </summary>
internal sealed partial class SnapshotReader
{
    private const string ExtractedAtField = "extractedAt";
    private const int ExtractedAtPosition = 7;
    private const string ActionsField = "actions";
    private const string InterviewsField = "interviews";

    private static readonly FieldNames DiscussionFields = new("id", "teamId", "heldOn", "outcomeRecordedOn", ActionsField);
    private static readonly FieldNames ActionFields = new("id", "owner", "dueOn", "completedOn");
    private static readonly FieldNames DetentionFields = new(
        "id", "custodySuiteId", "juvenile", "authorisedAt", "appropriateAdultArrivedAt", "releasedAt", InterviewsField);

    private static readonly FieldNames InterviewFields = new("startedAt", "appropriateAdultPresent", "urgentInterviewAuthorised");
    private static readonly FieldNames ProtectionFields = new("id", "teamId", "startedAt", "localAuthorityInformedAt", "endedAt");

    private int _discussionTeamIdAt;
    private int _custodySuiteIdAt;
    private int _protectionTeamIdAt;
    private readonly List<StrategyDiscussion> _discussions = [];
    private readonly List<Detention> _detentions = [];
    private readonly List<PoliceProtection> _protections = [];
    private DateTimeOffset? _extractedAt;

    // One delegate per reader, not one per record (a method group converted in the call allocates each time).
    private NestedReader<StrategyAction>? _readAction;
    private NestedReader<Interview>? _readInterview;

    private void ReadChildProtectionRecord(ref Utf8JsonReader json, string array, int index)
    {
        switch (array)
        {
            case SnapshotArrays.StrategyDiscussions:
                ReadDiscussion(ref json, index);
                break;
            case SnapshotArrays.Detentions:
                ReadDetention(ref json, index);
                break;
            default:
                ReadProtection(ref json, index);
                break;
        }
    }

    private void ReadDiscussion(ref Utf8JsonReader json, int index)
    {
        string? id = null, teamId = null;
        DateOnly? heldOn = null, outcomeOn = null;
        List<StrategyAction>? actions = null;
        var seen = 0;
        while (NextField(ref json, DiscussionFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadString(ref json, "id", required: true);
                    break;
                case 1:
                    teamId = ReadId(ref json, "teamId", required: false, IdKind.Team, ref _discussionTeamIdAt);
                    break;
                case 2:
                    heldOn = ReadDate(ref json, "heldOn", required: true);
                    break;
                case 3:
                    outcomeOn = ReadDate(ref json, "outcomeRecordedOn", required: false);
                    break;
                default:
                    actions = ReadNested(ref json, ActionsField, "an action", _readAction ??= ReadAction);
                    break;
            }
        }

        Require(DiscussionFields, seen, 0);
        Require(DiscussionFields, seen, 2);
        if (EndRecord(SnapshotArrays.StrategyDiscussions, index, id))
        {
            _discussions.Add(new StrategyDiscussion
            {
                Id = id!,
                TeamId = teamId,
                HeldOn = heldOn!.Value,
                OutcomeRecordedOn = outcomeOn,
                Actions = (IReadOnlyList<StrategyAction>?)actions ?? [],
                SourceIndex = index,
            });
        }
        else
        {
            KeepPartial(new StrategyDiscussion
            {
                Id = id ?? string.Empty,
                TeamId = teamId,
                HeldOn = heldOn ?? default,
                OutcomeRecordedOn = outcomeOn,
                Actions = (IReadOnlyList<StrategyAction>?)actions ?? [],
                SourceIndex = index,
            });
        }
    }

    private StrategyAction? ReadAction(ref Utf8JsonReader json)
    {
        string? id = null;
        ActionOwner? owner = null;
        DateOnly? dueOn = null, completedOn = null;
        var seen = 0;
        while (NextField(ref json, ActionFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadString(ref json, "id", required: true);
                    break;
                case 1:
                    owner = ReadOwner(ref json);
                    break;
                case 2:
                    dueOn = ReadDate(ref json, "dueOn", required: true);
                    break;
                default:
                    completedOn = ReadDate(ref json, "completedOn", required: false);
                    break;
            }
        }

        Require(ActionFields, seen, 0);
        Require(ActionFields, seen, 1);
        Require(ActionFields, seen, 2);
        // An action with a problem is kept as what could be read of it (its parent is malformed, so only the partial copy
        // holds it): its id still counts for the duplicate check, and its fields that could not be read were reported.
        return new StrategyAction { Id = id ?? string.Empty, Owner = owner ?? ChildProtectionValidator.UnreadOwner, DueOn = dueOn ?? default, CompletedOn = completedOn };
    }

    private void ReadDetention(ref Utf8JsonReader json, int index)
    {
        string? id = null, suite = null;
        bool? juvenile = null;
        DateTimeOffset? authorisedAt = null, arrivedAt = null, releasedAt = null;
        List<Interview>? interviews = null;
        var seen = 0;
        while (NextField(ref json, DetentionFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadString(ref json, "id", required: true);
                    break;
                case 1:
                    suite = ReadId(ref json, "custodySuiteId", required: true, IdKind.CustodySuite, ref _custodySuiteIdAt);
                    break;
                case 2:
                    juvenile = ReadRequiredBoolean(ref json, "juvenile");
                    break;
                case 3:
                    authorisedAt = ReadInstant(ref json, "authorisedAt", required: true);
                    break;
                case 4:
                    arrivedAt = ReadInstant(ref json, "appropriateAdultArrivedAt", required: false);
                    break;
                case 5:
                    releasedAt = ReadInstant(ref json, "releasedAt", required: false);
                    break;
                default:
                    interviews = ReadNested(ref json, InterviewsField, "an interview", _readInterview ??= ReadInterview);
                    break;
            }
        }

        Require(DetentionFields, seen, 0);
        Require(DetentionFields, seen, 1);
        Require(DetentionFields, seen, 2);
        Require(DetentionFields, seen, 3);
        if (EndRecord(SnapshotArrays.Detentions, index, id))
        {
            _detentions.Add(new Detention
            {
                Id = id!,
                CustodySuiteId = suite!,
                Juvenile = juvenile!.Value,
                AuthorisedAt = authorisedAt!.Value,
                AppropriateAdultArrivedAt = arrivedAt,
                ReleasedAt = releasedAt,
                Interviews = (IReadOnlyList<Interview>?)interviews ?? [],
                SourceIndex = index,
            });
        }
        else
        {
            // What could be read, for the checks left (contract section 3): an interview whose start could not be read is a
            // null placeholder, so that the others keep their positions (interviews[k]).
            KeepPartial(new Detention
            {
                Id = id ?? string.Empty,
                CustodySuiteId = suite ?? string.Empty,
                Juvenile = juvenile ?? false,
                AuthorisedAt = authorisedAt ?? default,
                AppropriateAdultArrivedAt = arrivedAt,
                ReleasedAt = releasedAt,
                Interviews = (IReadOnlyList<Interview>?)interviews ?? [],
                SourceIndex = index,
            });
        }
    }

    private Interview? ReadInterview(ref Utf8JsonReader json)
    {
        DateTimeOffset? startedAt = null;
        bool? present = null, urgent = null;
        var seen = 0;
        while (NextField(ref json, InterviewFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    startedAt = ReadInstant(ref json, "startedAt", required: true);
                    break;
                case 1:
                    present = ReadRequiredBoolean(ref json, "appropriateAdultPresent");
                    break;
                default:
                    urgent = ReadBoolean(ref json, "urgentInterviewAuthorised");
                    break;
            }
        }

        Require(InterviewFields, seen, 0);
        Require(InterviewFields, seen, 1);

        // An interview read only in part is its detention's problem (so only the malformed detention's partial copy holds
        // it): one whose start was read keeps it, so that the start is still checked (contract section 3: every problem
        // at once), with a placeholder for what could not be read; one without a start is a null placeholder.
        return startedAt is null
            ? null
            : new Interview { StartedAt = startedAt.Value, AppropriateAdultPresent = present ?? false, UrgentInterviewAuthorised = urgent ?? false };
    }

    private void ReadProtection(ref Utf8JsonReader json, int index)
    {
        string? id = null, teamId = null;
        DateTimeOffset? startedAt = null, informedAt = null, endedAt = null;
        var seen = 0;
        while (NextField(ref json, ProtectionFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadString(ref json, "id", required: true);
                    break;
                case 1:
                    teamId = ReadId(ref json, "teamId", required: false, IdKind.Team, ref _protectionTeamIdAt);
                    break;
                case 2:
                    startedAt = ReadInstant(ref json, "startedAt", required: true);
                    break;
                case 3:
                    informedAt = ReadInstant(ref json, "localAuthorityInformedAt", required: false);
                    break;
                default:
                    endedAt = ReadInstant(ref json, "endedAt", required: false);
                    break;
            }
        }

        Require(ProtectionFields, seen, 0);
        Require(ProtectionFields, seen, 2);
        if (EndRecord(SnapshotArrays.PoliceProtections, index, id))
        {
            _protections.Add(new PoliceProtection
            {
                Id = id!,
                TeamId = teamId,
                StartedAt = startedAt!.Value,
                LocalAuthorityInformedAt = informedAt,
                EndedAt = endedAt,
                SourceIndex = index,
            });
        }
        else
        {
            KeepPartial(new PoliceProtection { Id = id ?? string.Empty, TeamId = teamId, StartedAt = startedAt ?? default, LocalAuthorityInformedAt = informedAt, EndedAt = endedAt, SourceIndex = index });
        }
    }

    private delegate T? NestedReader<T>(ref Utf8JsonReader json)
        where T : class;

    /// <summary>
    /// Reads a nested array of records (<c>actions</c>, <c>interviews</c>): each record's problems are its parent's,
    /// named by their path (<c>actions[2].owner</c>). <see langword="null"/> means none. A record that could not be read
    /// is a <see langword="null"/> placeholder, so that the others keep their positions: only a malformed parent's partial
    /// copy can hold one, since any such record is a problem of its parent.
    /// </summary>
    private List<T>? ReadNested<T>(ref Utf8JsonReader json, string name, string what, NestedReader<T> read)
        where T : class
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref json, name, "an array of objects");
            return null;
        }

        var records = new List<T>();
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                _fieldProblems.Add(new(Path(name, index), "must be a JSON object (" + what + "), not " + JsonInput.Describe(json.TokenType)));
                json.Skip();
                records.Add(null!);
            }
            else
            {
                var before = _fieldProblems.Count;
                var record = read(ref json);
                for (var i = before; i < _fieldProblems.Count; i++)
                {
                    _fieldProblems[i] = new(Path(name, index) + "." + _fieldProblems[i].Key, _fieldProblems[i].Value);
                }

                records.Add(record!);
            }

            index++;
        }

        return records;
    }

    private static string Path(string name, int index) => name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    [MethodImpl(PerRecord.Compiled)]
    private DateTimeOffset? ReadInstant(ref Utf8JsonReader json, string field, bool required)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                scoped ReadOnlySpan<byte> text = json.ValueSpan;
                Span<byte> unescaped = stackalloc byte[64];
                if (json.ValueIsEscaped && text.Length <= unescaped.Length)
                {
                    text = unescaped[..json.CopyString(unescaped)];
                }

                if (InstantText.TryParse(text, out var instant, out var problem))
                {
                    return instant;
                }

                _fieldProblems.Add(new(field, problem!));
                return null;
            case JsonTokenType.Null:
                RequiredButNull(field, required);
                return null;
            default:
                WrongType(ref json, field, "a date-time string with an offset");
                return null;
        }
    }

    private bool? ReadRequiredBoolean(ref Utf8JsonReader json, string field)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            RequiredButNull(field, required: true);
            return null;
        }

        return ReadBoolean(ref json, field);
    }

    private ActionOwner? ReadOwner(ref Utf8JsonReader json)
    {
        const string Field = "owner";
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                foreach (var owner in ContractNames.ActionOwners)
                {
                    if (json.ValueTextEquals(owner.Utf8))
                    {
                        return owner.Value;
                    }
                }

                _fieldProblems.Add(new(Field, "unknown value; expected " + ContractNames.ActionOwnerList));
                return null;
            case JsonTokenType.Null:
                RequiredButNull(Field, required: true);
                return null;
            default:
                WrongType(ref json, Field, "a string (" + ContractNames.ActionOwnerList + ")");
                return null;
        }
    }
}
