using System.Runtime.CompilerServices;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reads the contract's caseload snapshot (section 1) with <see cref="Utf8JsonReader"/> in one forward pass, without a DOM.
/// Reports the problems of section 3 that are about the document's shape and types; the checks across records
/// (duplicates, references, ranges, schema version) are <see cref="SnapshotValidator"/>'s.
/// </summary>
internal sealed partial class SnapshotReader
{
    private static readonly FieldNames TopLevel = new("schemaVersion", "asOf", SnapshotArrays.Teams, SnapshotArrays.Managers, SnapshotArrays.Offenders, SnapshotArrays.Visits, SnapshotArrays.Briefings,
        ExtractedAtField, SnapshotArrays.StrategyDiscussions, SnapshotArrays.Detentions, SnapshotArrays.PoliceProtections, SnapshotArrays.Overrides);
    private static readonly FieldNames TeamFields = new("id");
    private static readonly FieldNames ManagerFields = new("id", "teamId");
    private static readonly FieldNames OffenderFields = new(
        "id", "managerId", "neighbourhoodId", "riskLevel", "riskAssessedOn", "registeredOn", "releasedOn",
        "inCustody", "reactiveManagement", "visitIntervalDays", "mappaLevel", "movedIntoNeighbourhoodOn");

    private static readonly FieldNames VisitFields = new("offenderId", "date", "outcome", "announced");
    private static readonly FieldNames BriefingFields = new("offenderId", "neighbourhoodId", "date");

    private readonly List<InputProblem> _problems = [];
    private readonly List<MalformedRecord> _malformed = [];
    private readonly List<KeyValuePair<string, string>> _fieldProblems = [];
    private readonly IdPools _ids;
    private int _teamIdAt;
    private int _managerIdAt;
    private int _managerTeamIdAt;
    private int _offenderIdAt;
    private int _offenderManagerIdAt;
    private int _offenderNeighbourhoodIdAt;
    private int _visitOffenderIdAt;
    private int _briefingOffenderIdAt;
    private int _briefingNeighbourhoodIdAt;
    private readonly List<Manager> _managers = [];
    private readonly List<Offender> _offenders = [];
    private readonly List<Visit> _visits = [];
    private readonly List<Briefing> _briefings = [];
    private List<Team>? _teams;
    private int? _schemaVersion;
    private DateOnly? _asOf;

    /// <param name="length">The document's length: the offenders' id pool is sized for it (see <see cref="BytesPerOffender"/>).</param>
    private SnapshotReader(int length) => _ids = new IdPools(length / BytesPerOffender);

    /// <summary>
    /// About how many bytes of a snapshot there are per offender: 670 in generated caseloads, whose offenders have four
    /// visits and one briefing each. A document with more offenders grows its pool as it reads.
    /// </summary>
    private const int BytesPerOffender = 700;

    /// <summary>Reads the document; the result has no source hash (see <see cref="SnapshotJson"/>).</summary>
    public static SnapshotReadResult Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, Automatic, out _);

    /// <summary>
    /// As <see cref="Read(ReadOnlySpan{byte})"/>, with the place the document may be split at: <paramref name="splitFrom"/>
    /// is the offset (after any byte order mark) from which the first record of <c>visits</c> is sought for the second
    /// part, <see cref="Automatic"/> for the middle of the rest when it is large enough, or <see cref="Never"/>.
    /// </summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="splitFrom">Where to look for the split.</param>
    /// <param name="split">Whether the document was read in two parts (whether the second part's reading was used).</param>
    /// <param name="splitBytes">With <see cref="Automatic"/>, the least bytes from the visits on to split (see <see cref="SplitBytes"/>).</param>
    internal static SnapshotReadResult Read(ReadOnlySpan<byte> utf8Json, long splitFrom, out bool split, int splitBytes = SplitBytes)
    {
        var reader = new SnapshotReader(utf8Json.Length) { _splitFrom = splitFrom, _splitBytes = splitBytes };
        var result = reader.ReadDocument(utf8Json);
        split = reader._handedOff;
        return result;
    }

    /// <summary>For <see cref="Read(ReadOnlySpan{byte}, long, out bool, int)"/>: split at the middle of the rest from the visits on when it is at least <see cref="SplitBytes"/>.</summary>
    internal const long Automatic = -1;

    /// <summary>For <see cref="Read(ReadOnlySpan{byte}, long, out bool, int)"/>: read in one part.</summary>
    internal const long Never = long.MaxValue;

    /// <summary>
    /// How many bytes from the start of the <c>visits</c> array to the document's end make the rest worth reading in two
    /// parts, one on this thread and one on another (see <see cref="StartTail"/>); the visits are about half a snapshot's
    /// bytes and start about a quarter in, so the middle of the rest is mostly among them. Below it the time saved is a
    /// few tens of milliseconds, and in the command-line tool the other core is then still compiling and warming the rules
    /// up, which the split only delays into the evaluation (benchmarks/RESULTS.md, session 16: a 100,000-offender file, 48
    /// MB from its visits on, is read in one part; a 1,000,000-offender one, 484 MB, in two).
    /// </summary>
    internal const int SplitBytes = 64 << 20;

    public static SnapshotReadResult TooLarge() => Unusable(JsonInput.TooLarge, []);

    private static SnapshotReadResult Unusable(string problem, List<InputProblem> earlier)
    {
        earlier.Add(new(null, null, null, "$", problem));
        return new SnapshotReadResult(new CaseloadSnapshot(), earlier, [], null);
    }

    private unsafe SnapshotReadResult ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = JsonInput.SkipByteOrderMark(utf8Json);
        if (JsonInput.IsBlank(utf8Json))
        {
            return Unusable("is empty: a snapshot is a JSON object", _problems);
        }

        var invalid = JsonInput.IndexOfInvalidUtf8(utf8Json);
        if (invalid >= 0)
        {
            return Unusable(JsonInput.NotUtf8(utf8Json, invalid), _problems);
        }

        // The second part of a document read in two (see StartTail) reads these bytes on another thread: they stay fixed
        // until it has ended, whatever happens here.
        fixed (byte* document = utf8Json)
        {
            _document = document;
            _length = utf8Json.Length;
            var json = new Utf8JsonReader(utf8Json, JsonInput.ReaderOptions);
            try
            {
                json.Read();
                if (json.TokenType != JsonTokenType.StartObject)
                {
                    var found = JsonInput.Describe(json.TokenType);
                    json.Skip();
                    json.Read(); // Content after the value is a JSON error, reported as such.
                    return Unusable("must be a JSON object (the snapshot), not " + found, _problems);
                }

                ReadProperties(ref json, 0);
                if (!_handedOff)
                {
                    json.Read(); // Content after the document is a JSON error, reported as such.
                }
            }
            catch (JsonException exception)
            {
                // Stop at the first syntax error: keep the problems found before it, but no records (the document is unusable).
                return Unusable(JsonInput.NotJson(exception, utf8Json), _problems);
            }
            catch (InvalidOperationException)
            {
                // Only the reader throws this: a string escaping a lone surrogate cannot be read as text.
                return Unusable(JsonInput.NotUnicode(utf8Json, json.TokenStartIndex), _problems);
            }
            finally
            {
                StopTail();
                _document = null;
            }
        }

        var snapshot = new CaseloadSnapshot
        {
            SchemaVersion = _schemaVersion,
            AsOf = _asOf,
            Teams = _teams,
            Managers = _managers,
            Offenders = _offenders,
            Visits = _visits,
            Briefings = _briefings,
            Overrides = _overrides,
            ExtractedAt = _extractedAt,
            StrategyDiscussions = _discussions,
            Detentions = _detentions,
            PoliceProtections = _protections,
        };
        return new SnapshotReadResult(snapshot, _problems, _malformed, null);
    }

    /// <summary>
    /// Reads the document's properties to the end of its object, the reader before the first (or after the end of the
    /// <c>visits</c> array, for the second part of a document read in two); <paramref name="seen"/> holds the properties
    /// read before. Stops early when the second part took the rest over (<see cref="_handedOff"/>).
    /// </summary>
    private void ReadProperties(ref Utf8JsonReader json, int seen)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = TopLevel.Claim(ref json, ref seen, out var duplicate);
            if (duplicate)
            {
                _problems.Add(new(null, null, null, TopLevel[field], "appears more than once in the document"));
                continue;
            }

            ReadTopLevel(ref json, field, seen);
            if (_handedOff)
            {
                return;
            }
        }
    }

    private void ReadTopLevel(ref Utf8JsonReader json, int field, int seen)
    {
        switch (field)
        {
            case 0:
                if (json.TokenType == JsonTokenType.Number)
                {
                    _schemaVersion = JsonInput.ReadWholeNumber(ref json, out var problem);
                    if (problem is not null)
                    {
                        _fieldProblems.Add(new("schemaVersion", problem));
                    }
                }
                else if (json.TokenType != JsonTokenType.Null)
                {
                    WrongType(ref json, "schemaVersion", "a whole number (1)");
                }

                break;
            case 1:
                _asOf = ReadDate(ref json, "asOf", required: false);
                break;
            case ExtractedAtPosition:
                _extractedAt = ReadInstant(ref json, ExtractedAtField, required: false);
                break;
            case < 0:
                json.Skip(); // Unknown properties are ignored, whatever their shape.
                break;
            default:
                ReadArray(ref json, TopLevel[field], seen);
                break;
        }

        // Problems with top-level values are problems with the document.
        foreach (var (name, problem) in _fieldProblems)
        {
            _problems.Add(new(null, null, null, name, problem));
        }

        _fieldProblems.Clear();
    }

    private void ReadArray(ref Utf8JsonReader json, string array, int seen)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return; // null means absent.
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            _problems.Add(new(null, null, null, array, "must be an array of objects, not " + JsonInput.Describe(json.TokenType)));
            json.Skip();
            return;
        }

        if (array == SnapshotArrays.Teams)
        {
            _teams = [];
        }

        // A large rest from the visits on is read in two parts: this thread reads the visits up to the record the other
        // part starts at, and takes that part's records and problems there (see StartTail).
        ReadElements(ref json, array, array == SnapshotArrays.Visits ? StartTail(ref json, seen) : NoTail);
    }

    /// <summary>
    /// Reads the records of <paramref name="array"/>, the reader before the first, to the array's end. At a record starting
    /// at <paramref name="tailAt"/> (the start of the document's second part), the second part's reading is taken instead
    /// when it succeeded; a reading that did not, a record starting past that place (it was not a record's start), or the
    /// array's end before it ends the second part, and the records are read here.
    /// </summary>
    private void ReadElements(ref Utf8JsonReader json, string array, long tailAt = NoTail)
    {
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenStartIndex >= tailAt)
            {
                if (json.TokenStartIndex == tailAt && TakeTail(index))
                {
                    return;
                }

                StopTail();
                tailAt = NoTail;
            }

            if (_abandon)
            {
                throw new OperationCanceledException(); // Only a second part is stopped (see StopTail).
            }

            if (json.TokenType != JsonTokenType.StartObject)
            {
                _problems.Add(new(array, index, null, "$", "must be a JSON object (a record), not " + JsonInput.Describe(json.TokenType)));
                _malformed.Add(new(array, index, null));
                json.Skip();
            }
            else
            {
                switch (array)
                {
                    case SnapshotArrays.Teams:
                        ReadTeam(ref json, index);
                        break;
                    case SnapshotArrays.Managers:
                        ReadManager(ref json, index);
                        break;
                    case SnapshotArrays.Offenders:
                        ReadOffender(ref json, index);
                        break;
                    case SnapshotArrays.Visits:
                        ReadVisit(ref json, index);
                        break;
                    case SnapshotArrays.Briefings:
                        ReadBriefing(ref json, index);
                        break;
                    case SnapshotArrays.Overrides:
                        ReadOverride(ref json, index);
                        break;
                    default:
                        ReadChildProtectionRecord(ref json, array, index);
                        break;
                }
            }

            index++;
        }

        if (tailAt != NoTail)
        {
            StopTail(); // The visits ended before the place the second part started at: it was past them.
        }
    }

    private void ReadTeam(ref Utf8JsonReader json, int index)
    {
        string? id = null;
        var seen = 0;
        while (NextField(ref json, TeamFields, ref seen, out var field))
        {
            if (field == 0)
            {
                id = ReadId(ref json, "id", required: true, IdKind.Team, ref _teamIdAt, declares: true);
            }
        }

        Require(TeamFields, seen, 0);
        if (EndRecord(SnapshotArrays.Teams, index, id))
        {
            _teams!.Add(new Team { Id = id!, SourceIndex = index });
        }
    }

    private void ReadManager(ref Utf8JsonReader json, int index)
    {
        string? id = null, teamId = null;
        var seen = 0;
        while (NextField(ref json, ManagerFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadId(ref json, "id", required: true, IdKind.Manager, ref _managerIdAt, declares: true);
                    break;
                default:
                    teamId = ReadId(ref json, "teamId", required: false, IdKind.Team, ref _managerTeamIdAt);
                    break;
            }
        }

        Require(ManagerFields, seen, 0);
        if (EndRecord(SnapshotArrays.Managers, index, id))
        {
            _managers.Add(new Manager { Id = id!, TeamId = teamId, SourceIndex = index });
        }
        else
        {
            KeepPartial(new Manager { Id = id ?? string.Empty, TeamId = teamId, SourceIndex = index });
        }
    }

    private void ReadOffender(ref Utf8JsonReader json, int index)
    {
        string? id = null, managerId = null, neighbourhoodId = null;
        RiskLevel? riskLevel = null;
        DateOnly? riskAssessedOn = null, registeredOn = null, releasedOn = null, movedOn = null;
        bool? inCustody = null, reactive = null;
        int? interval = null, mappa = null;
        var seen = 0;
        while (NextField(ref json, OffenderFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    id = ReadId(ref json, "id", required: true, IdKind.Offender, ref _offenderIdAt, declares: true);
                    break;
                case 1:
                    managerId = ReadId(ref json, "managerId", required: false, IdKind.Manager, ref _offenderManagerIdAt);
                    break;
                case 2:
                    neighbourhoodId = ReadId(ref json, "neighbourhoodId", required: false, IdKind.Neighbourhood, ref _offenderNeighbourhoodIdAt);
                    break;
                case 3:
                    riskLevel = ReadRiskLevel(ref json);
                    break;
                case 4:
                    riskAssessedOn = ReadDate(ref json, "riskAssessedOn", required: false);
                    break;
                case 5:
                    registeredOn = ReadDate(ref json, "registeredOn", required: true);
                    break;
                case 6:
                    releasedOn = ReadDate(ref json, "releasedOn", required: false);
                    break;
                case 7:
                    inCustody = ReadBoolean(ref json, "inCustody");
                    break;
                case 8:
                    reactive = ReadBoolean(ref json, "reactiveManagement");
                    break;
                case 9:
                    interval = ReadWholeNumber(ref json, "visitIntervalDays", SnapshotValidator.VisitIntervalRange);
                    break;
                case 10:
                    mappa = ReadWholeNumber(ref json, "mappaLevel", SnapshotValidator.MappaLevelRange);
                    break;
                default:
                    movedOn = ReadDate(ref json, "movedIntoNeighbourhoodOn", required: false);
                    break;
            }
        }

        Require(OffenderFields, seen, 0);
        Require(OffenderFields, seen, 3);
        Require(OffenderFields, seen, 5);
        if (EndRecord(SnapshotArrays.Offenders, index, id))
        {
            _offenders.Add(new Offender
            {
                Id = id!,
                ManagerId = managerId,
                NeighbourhoodId = neighbourhoodId,
                RiskLevel = riskLevel!.Value,
                RiskAssessedOn = riskAssessedOn,
                RegisteredOn = registeredOn!.Value,
                ReleasedOn = releasedOn,
                InCustody = inCustody ?? false,
                ReactiveManagement = reactive ?? false,
                VisitIntervalDays = interval,
                MappaLevel = mappa,
                MovedIntoNeighbourhoodOn = movedOn,
                SourceIndex = index,
            });
        }
        else
        {
            KeepPartial(new Offender
            {
                Id = id ?? string.Empty,
                ManagerId = managerId,
                NeighbourhoodId = neighbourhoodId,
                RiskLevel = riskLevel ?? RiskLevel.Low,
                RegisteredOn = registeredOn ?? default,
                VisitIntervalDays = interval,
                MappaLevel = mappa,
                SourceIndex = index,
            });
        }
    }

    private void ReadVisit(ref Utf8JsonReader json, int index)
    {
        string? offenderId = null;
        DateOnly? date = null;
        VisitOutcome? outcome = null;
        bool? announced = null;
        var seen = 0;
        while (NextField(ref json, VisitFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    offenderId = ReadId(ref json, "offenderId", required: true, IdKind.Offender, ref _visitOffenderIdAt);
                    break;
                case 1:
                    date = ReadDate(ref json, "date", required: true);
                    break;
                case 2:
                    outcome = ReadOutcome(ref json);
                    break;
                default:
                    announced = ReadBoolean(ref json, "announced");
                    break;
            }
        }

        Require(VisitFields, seen, 0);
        Require(VisitFields, seen, 1);
        Require(VisitFields, seen, 2);
        if (EndRecord(SnapshotArrays.Visits, index, null))
        {
            _visits.Add(new Visit { OffenderId = offenderId!, Date = date!.Value, Outcome = outcome!.Value, Announced = announced, SourceIndex = index });
        }
        else
        {
            KeepPartial(new Visit { OffenderId = offenderId ?? string.Empty, Date = default, Outcome = outcome ?? VisitOutcome.Completed, SourceIndex = index });
        }
    }

    private void ReadBriefing(ref Utf8JsonReader json, int index)
    {
        string? offenderId = null, neighbourhoodId = null;
        DateOnly? date = null;
        var seen = 0;
        while (NextField(ref json, BriefingFields, ref seen, out var field))
        {
            switch (field)
            {
                case 0:
                    offenderId = ReadId(ref json, "offenderId", required: true, IdKind.Offender, ref _briefingOffenderIdAt);
                    break;
                case 1:
                    neighbourhoodId = ReadId(ref json, "neighbourhoodId", required: true, IdKind.Neighbourhood, ref _briefingNeighbourhoodIdAt);
                    break;
                default:
                    date = ReadDate(ref json, "date", required: true);
                    break;
            }
        }

        Require(BriefingFields, seen, 0);
        Require(BriefingFields, seen, 1);
        Require(BriefingFields, seen, 2);
        if (EndRecord(SnapshotArrays.Briefings, index, null))
        {
            _briefings.Add(new Briefing { OffenderId = offenderId!, NeighbourhoodId = neighbourhoodId!, Date = date!.Value, SourceIndex = index });
        }
        else
        {
            KeepPartial(new Briefing { OffenderId = offenderId ?? string.Empty, NeighbourhoodId = neighbourhoodId ?? "?", Date = default, SourceIndex = index });
        }
    }

    /// <summary>
    /// Moves to the next known field of the record and onto its value; skips unknown fields and reports repeated ones.
    /// </summary>
    /// <returns><see langword="false"/> at the end of the record.</returns>
    private bool NextField(ref Utf8JsonReader json, FieldNames fields, ref int seen, out int field)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            field = fields.Claim(ref json, ref seen, out var duplicate);
            if (duplicate)
            {
                _fieldProblems.Add(new(fields[field], "appears more than once in the record"));
            }
            else if (field < 0)
            {
                json.Skip(); // Unknown properties are ignored, whatever their shape.
            }
            else
            {
                return true;
            }
        }

        field = -1;
        return false;
    }

    [MethodImpl(PerRecord.Compiled)]
    private void Require(FieldNames fields, int seen, int field)
    {
        if ((seen & (1 << field)) == 0)
        {
            _fieldProblems.Add(new(fields[field], "is required"));
        }
    }

    /// <summary>Ends a record: when it has problems, reports every one of them and keeps it as malformed.</summary>
    /// <returns>Whether the record is well formed (so every required value was read).</returns>
    [MethodImpl(PerRecord.Compiled)]
    private bool EndRecord(string array, int index, string? id)
    {
        if (_fieldProblems.Count == 0)
        {
            return true;
        }

        var knownId = string.IsNullOrEmpty(id) ? null : id;
        foreach (var (field, problem) in _fieldProblems)
        {
            _problems.Add(new(array, index, knownId, field, problem));
        }

        _fieldProblems.Clear();
        _malformed.Add(new(array, index, knownId));
        return false;
    }

    /// <summary>Keeps what could be read of the malformed record just ended, for the checks across records.</summary>
    private void KeepPartial(object partial) => _malformed[^1] = _malformed[^1] with { Partial = partial };

    /// <summary>
    /// Reads an id that other records name (an offender's, a manager's, a team's, a neighbourhood's, a custody suite's):
    /// one string per distinct id (see <see cref="Utf8StringPool"/>), since a visit repeats its offender's id.
    /// </summary>
    /// <param name="json">The reader, on the value.</param>
    /// <param name="field">The field, for problems.</param>
    /// <param name="required">Whether null is a problem.</param>
    /// <param name="kind">What the id names: it is pooled with the ids of that kind (see <see cref="IdPools"/>).</param>
    /// <param name="cursor">The field's own place in the pool (see <see cref="Utf8StringPool.Get(ReadOnlySpan{byte}, ref int)"/>): one per field of one array.</param>
    /// <param name="declares">Whether the field is the record's own id (see <see cref="Utf8StringPool.GetDeclared(ReadOnlySpan{byte}, ref int)"/>).</param>
    [MethodImpl(PerRecord.Compiled)]
    private string? ReadId(ref Utf8JsonReader json, string field, bool required, IdKind kind, ref int cursor, bool declares = false)
    {
        if (json.TokenType == JsonTokenType.String && !json.ValueIsEscaped && !json.HasValueSequence)
        {
            if (_offenderIdsShared && kind == IdKind.Offender)
            {
                // Both parts of a document read in two look offenders' ids up at once: neither adds to that pool.
                return _ids.Find(kind, json.ValueSpan, ref cursor) ?? System.Text.Encoding.UTF8.GetString(json.ValueSpan);
            }

            return declares ? _ids.GetDeclared(kind, json.ValueSpan, ref cursor) : _ids.Get(kind, json.ValueSpan, ref cursor);
        }

        return ReadString(ref json, field, required);
    }

    private string? ReadString(ref Utf8JsonReader json, string field, bool required)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return json.GetString();
            case JsonTokenType.Null:
                RequiredButNull(field, required);
                return null;
            default:
                WrongType(ref json, field, "a string");
                return null;
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    private DateOnly? ReadDate(ref Utf8JsonReader json, string field, bool required)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                return ParseDate(ref json, field);
            case JsonTokenType.Null:
                RequiredButNull(field, required);
                return null;
            default:
                WrongType(ref json, field, "a date string (yyyy-MM-dd)");
                return null;
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    private DateOnly? ParseDate(ref Utf8JsonReader json, string field) =>
        json.ValueIsEscaped ? ParseEscapedDate(ref json, field) : ParseDate(json.ValueSpan, field);

    /// <summary>A date written with escapes (<c>"2018\u002D01\u002D01"</c>): unescaped, then read as any other.</summary>
    private DateOnly? ParseEscapedDate(ref Utf8JsonReader json, string field)
    {
        Span<byte> unescaped = stackalloc byte[64];

        // Unescaping never makes text longer; text longer than the buffer is no date either way.
        return json.ValueSpan.Length <= unescaped.Length ? ParseDate(unescaped[..json.CopyString(unescaped)], field) : ParseDate(json.ValueSpan, field);
    }

    [MethodImpl(PerRecord.Compiled)]
    private DateOnly? ParseDate(ReadOnlySpan<byte> text, string field)
    {
        if (AsciiDigits.ReadDate(text, out var date) is { } problem)
        {
            _fieldProblems.Add(new(field, problem));
            return null;
        }

        return date;
    }

    [MethodImpl(PerRecord.Compiled)]
    private RiskLevel? ReadRiskLevel(ref Utf8JsonReader json)
    {
        const string Field = "riskLevel";
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                if (json.ValueTextEquals("Low"u8))
                {
                    return RiskLevel.Low;
                }

                if (json.ValueTextEquals("Medium"u8))
                {
                    return RiskLevel.Medium;
                }

                if (json.ValueTextEquals("High"u8))
                {
                    return RiskLevel.High;
                }

                if (json.ValueTextEquals("VeryHigh"u8))
                {
                    return RiskLevel.VeryHigh;
                }

                _fieldProblems.Add(new(Field, "unknown value; expected Low, Medium, High or VeryHigh"));
                return null;
            case JsonTokenType.Null:
                RequiredButNull(Field, required: true);
                return null;
            default:
                WrongType(ref json, Field, "a string (Low, Medium, High or VeryHigh)");
                return null;
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    private VisitOutcome? ReadOutcome(ref Utf8JsonReader json)
    {
        const string Field = "outcome";
        switch (json.TokenType)
        {
            case JsonTokenType.String:
                if (json.ValueTextEquals("Completed"u8))
                {
                    return VisitOutcome.Completed;
                }

                if (json.ValueTextEquals("NoAccess"u8))
                {
                    return VisitOutcome.NoAccess;
                }

                if (json.ValueTextEquals("Cancelled"u8))
                {
                    return VisitOutcome.Cancelled;
                }

                _fieldProblems.Add(new(Field, "unknown value; expected Completed, NoAccess or Cancelled"));
                return null;
            case JsonTokenType.Null:
                RequiredButNull(Field, required: true);
                return null;
            default:
                WrongType(ref json, Field, "a string (Completed, NoAccess or Cancelled)");
                return null;
        }
    }

    [MethodImpl(PerRecord.Compiled)]
    private bool? ReadBoolean(ref Utf8JsonReader json, string field)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                WrongType(ref json, field, "true or false");
                return null;
        }
    }

    /// <summary>Reads a whole number whose field allows <paramref name="range"/> (<c>must be from 1 to 3</c>).</summary>
    [MethodImpl(PerRecord.Compiled)]
    private int? ReadWholeNumber(ref Utf8JsonReader json, string field, string range)
    {
        switch (json.TokenType)
        {
            case JsonTokenType.Number:
                if (json.TryGetInt32(out var whole))
                {
                    return whole; // The usual case, without building the out-of-range text below.
                }

                var value = JsonInput.ReadWholeNumber(ref json, out var problem, range + "; it is far outside that range");
                if (problem is not null)
                {
                    _fieldProblems.Add(new(field, problem));
                }

                return value;
            case JsonTokenType.Null:
                return null;
            default:
                WrongType(ref json, field, "a whole number");
                return null;
        }
    }

    private void RequiredButNull(string field, bool required)
    {
        if (required)
        {
            _fieldProblems.Add(new(field, "is required; it is null"));
        }
    }

    private void WrongType(ref Utf8JsonReader json, string field, string expected)
    {
        _fieldProblems.Add(new(field, "must be " + expected + ", not " + JsonInput.Describe(json.TokenType)));
        json.Skip();
    }
}
