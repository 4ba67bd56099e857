using System.Text.Json;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Serialization;

/// <summary>
/// Reads a policy file (contract section 4) over the defaults: every property optional at any depth, unknown
/// properties, <see langword="null"/> and wrong JSON types are errors naming the property path, then the policy's own checks.
/// </summary>
internal sealed partial class PolicyReader
{
    private static readonly FieldNames TopLevel = new(
        "version", "visitIntervalDays", "firstVisitDays", "dueSoonDays", "caseload", "escalation",
        "repeatedNoAccessVisits", "riskReviewDays", "initialAssessmentDays", "neighbourhoodBriefingDays", "overrides");

    private static readonly FieldNames IntervalFields = new("veryHigh", "high", "medium", "low");
    private static readonly FieldNames CaseloadFields = new("target", "critical");
    private static readonly FieldNames EscalationFields = new("supervisorAfterDays", "inspectorAfterDays", "highRiskInspectorAfterDays", "unitBacklogPercent");

    private readonly List<PolicyProblem> _problems = [];
    private readonly SafeguardingPolicy _policy = new();

    private PolicyReader()
    {
    }

    public static PolicyReadResult Read(ReadOnlySpan<byte> utf8Json) => new PolicyReader().ReadDocument(utf8Json);

    public static PolicyReadResult TooLarge() => new(null, [new PolicyProblem("$", JsonInput.TooLarge)]);

    private PolicyReadResult ReadDocument(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = JsonInput.SkipByteOrderMark(utf8Json);
        if (JsonInput.IsBlank(utf8Json))
        {
            return Unusable("is empty: a policy file is a JSON object (use {} for the default policy)");
        }

        var invalid = JsonInput.IndexOfInvalidUtf8(utf8Json);
        if (invalid >= 0)
        {
            return Unusable(JsonInput.NotUtf8(utf8Json, invalid));
        }

        var json = new Utf8JsonReader(utf8Json, JsonInput.ReaderOptions);
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                var found = JsonInput.Describe(json.TokenType);
                json.Skip();
                json.Read(); // Content after the value is a JSON error, reported as such.
                return Unusable("must be a JSON object, not " + found);
            }

            ReadObject(ref json, null, TopLevel);
            json.Read(); // Content after the document is a JSON error, reported as such.
        }
        catch (JsonException exception)
        {
            return Unusable(JsonInput.NotJson(exception));
        }
        catch (InvalidOperationException)
        {
            // Only the reader throws this: a string escaping a lone surrogate cannot be read as text.
            return Unusable(JsonInput.NotUnicode(utf8Json, json.TokenStartIndex));
        }

        _problems.AddRange(_policy.Validate());
        return new PolicyReadResult(_problems.Count == 0 ? _policy : null, _problems);
    }

    private PolicyReadResult Unusable(string problem)
    {
        _problems.Add(new("$", problem));
        return new PolicyReadResult(null, _problems);
    }

    /// <summary>Reads the members of the object the reader is at, to its end.</summary>
    private void ReadObject(ref Utf8JsonReader json, string? parent, FieldNames fields)
    {
        var seen = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = fields.Find(ref json);
            if (field < 0)
            {
                // The name is the file's own key, not a value: naming it is what makes a typo findable.
                _problems.Add(new(Path(parent, json.GetString()!), "is not a policy property; unknown properties are errors (check the spelling and the nesting)"));
                json.Read();
                json.Skip();
                continue;
            }

            var path = Path(parent, fields[field]);
            json.Read();
            var bit = 1 << field;
            if ((seen & bit) != 0)
            {
                _problems.Add(new(path, "appears more than once"));
                json.Skip();
                continue;
            }

            seen |= bit;
            if (json.TokenType == JsonTokenType.Null)
            {
                _problems.Add(new(path, "is null, which is not a value: omit the property to keep the default"));
                continue;
            }

            if (fields == TopLevel)
            {
                ReadTopLevel(ref json, field, path);
            }
            else if (fields == IntervalFields)
            {
                ReadInterval(ref json, field, path);
            }
            else if (fields == CaseloadFields)
            {
                ReadCaseload(ref json, field, path);
            }
            else if (fields == OverrideFields)
            {
                ReadOverrides(ref json, field, path);
            }
            else
            {
                ReadEscalation(ref json, field, path);
            }
        }
    }

    private void ReadTopLevel(ref Utf8JsonReader json, int field, string path)
    {
        switch (field)
        {
            case 0:
                if (json.TokenType == JsonTokenType.String)
                {
                    _policy.Version = json.GetString()!;
                }
                else
                {
                    WrongType(ref json, path, "a string");
                }

                break;
            case 1:
                Nested(ref json, path, IntervalFields);
                break;
            case 2:
                _policy.FirstVisitDays = WholeNumber(ref json, path) ?? _policy.FirstVisitDays;
                break;
            case 3:
                _policy.DueSoonDays = WholeNumber(ref json, path) ?? _policy.DueSoonDays;
                break;
            case 4:
                Nested(ref json, path, CaseloadFields);
                break;
            case 5:
                Nested(ref json, path, EscalationFields);
                break;
            case 6:
                _policy.RepeatedNoAccessVisits = WholeNumber(ref json, path) ?? _policy.RepeatedNoAccessVisits;
                break;
            case 7:
                _policy.RiskReviewDays = WholeNumber(ref json, path) ?? _policy.RiskReviewDays;
                break;
            case 8:
                _policy.InitialAssessmentDays = WholeNumber(ref json, path) ?? _policy.InitialAssessmentDays;
                break;
            case 9:
                _policy.NeighbourhoodBriefingDays = WholeNumber(ref json, path) ?? _policy.NeighbourhoodBriefingDays;
                break;
            default:
                Nested(ref json, path, OverrideFields);
                break;
        }
    }

    private void ReadInterval(ref Utf8JsonReader json, int field, string path)
    {
        var intervals = _policy.VisitIntervalDays;
        switch (field)
        {
            case 0:
                intervals.VeryHigh = WholeNumber(ref json, path) ?? intervals.VeryHigh;
                break;
            case 1:
                intervals.High = WholeNumber(ref json, path) ?? intervals.High;
                break;
            case 2:
                intervals.Medium = WholeNumber(ref json, path) ?? intervals.Medium;
                break;
            default:
                intervals.Low = WholeNumber(ref json, path) ?? intervals.Low;
                break;
        }
    }

    private void ReadCaseload(ref Utf8JsonReader json, int field, string path)
    {
        var caseload = _policy.Caseload;
        if (field == 0)
        {
            caseload.Target = WholeNumber(ref json, path) ?? caseload.Target;
        }
        else
        {
            caseload.Critical = WholeNumber(ref json, path) ?? caseload.Critical;
        }
    }

    private void ReadEscalation(ref Utf8JsonReader json, int field, string path)
    {
        var escalation = _policy.Escalation;
        switch (field)
        {
            case 0:
                escalation.SupervisorAfterDays = WholeNumber(ref json, path) ?? escalation.SupervisorAfterDays;
                break;
            case 1:
                escalation.InspectorAfterDays = WholeNumber(ref json, path) ?? escalation.InspectorAfterDays;
                break;
            case 2:
                escalation.HighRiskInspectorAfterDays = WholeNumber(ref json, path) ?? escalation.HighRiskInspectorAfterDays;
                break;
            default:
                if (json.TokenType != JsonTokenType.Number)
                {
                    WrongType(ref json, path, "a number");
                }
                else if (json.TryGetDecimal(out var percent))
                {
                    escalation.UnitBacklogPercent = percent;
                }
                else
                {
                    _problems.Add(new(path, "is out of range: it must be above 0 and at most 100"));
                }

                break;
        }
    }

    private void Nested(ref Utf8JsonReader json, string path, FieldNames fields)
    {
        if (json.TokenType == JsonTokenType.StartObject)
        {
            ReadObject(ref json, path, fields);
        }
        else
        {
            WrongType(ref json, path, "an object");
        }
    }

    private int? WholeNumber(ref Utf8JsonReader json, string path)
    {
        if (json.TokenType != JsonTokenType.Number)
        {
            WrongType(ref json, path, "a whole number");
            return null;
        }

        var value = JsonInput.ReadWholeNumber(ref json, out var problem);
        if (problem is not null)
        {
            _problems.Add(new(path, problem));
        }

        return value;
    }

    private void WrongType(ref Utf8JsonReader json, string path, string expected)
    {
        _problems.Add(new(path, "must be " + expected + ", not " + JsonInput.Describe(json.TokenType)));
        json.Skip();
    }

    private static string Path(string? parent, string name) => parent is null ? name : parent + "." + name;
}
