using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Findings;

/// <summary>
/// One field a finding can carry in the findings document: its contract name, its name in scenario files, its type,
/// how it is read from a <see cref="Finding"/> and how it is written. Every writer, reader and comparer of findings
/// works from these descriptors (see <see cref="FindingSchema"/>), so a field is defined once.
/// </summary>
public abstract class FindingField
{
    private protected FindingField(string name, string? alias, FindingValueType type, bool movesWithTime)
    {
        Name = name;
        Alias = alias ?? name;
        Type = type;
        MovesWithTime = movesWithTime;
        EncodedName = JsonEncodedText.Encode(name);
    }

    /// <summary>The property name in the findings document and the findings CSV header, e.g. <c>offenderId</c>.</summary>
    public string Name { get; }

    /// <summary>The field's name in scenario files, e.g. <c>offender</c>; the contract name when no shorter one is given.</summary>
    public string Alias { get; }

    /// <summary>The value's type.</summary>
    public FindingValueType Type { get; }

    /// <summary>
    /// Whether the value is a counter that moves with time alone (such as <c>daysOverdue</c>): comparing two runs on
    /// different days ignores it (contract section 7).
    /// </summary>
    public bool MovesWithTime { get; }

    /// <summary>For a <see cref="FindingValueType.Number"/> field, the smallest value a finding can hold; 0 otherwise.</summary>
    public virtual int Minimum => 0;

    internal JsonEncodedText EncodedName { get; }

    /// <summary>The value as the findings document writes it, or <see langword="null"/> when the finding does not have it.</summary>
    /// <param name="finding">A finding.</param>
    /// <returns>The contract text: an id, a number in invariant digits, a <c>yyyy-MM-dd</c> date, or an enum value's contract name.</returns>
    public abstract string? Format(Finding finding);

    /// <summary>Whether the finding has a value for this field.</summary>
    /// <param name="finding">A finding.</param>
    /// <returns><see langword="true"/> when the value is present.</returns>
    public abstract bool IsPresent(Finding finding);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Whether the two findings hold the same value (both absent included), without formatting either.</summary>
    internal abstract bool ValueEquals(Finding x, Finding y);

    /// <summary>A hash of the value that does not allocate; equal values give equal hashes.</summary>
    internal abstract int ValueHash(Finding finding);

    /// <summary>Writes the property under its contract name when the value is present.</summary>
    internal void Write(Utf8JsonWriter writer, Finding finding) => Write(writer, EncodedName, finding);

    /// <summary>Writes the value as the property <paramref name="name"/> when it is present.</summary>
    internal abstract void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding);

    /// <summary>
    /// Reads the value as a findings document writes it (<paramref name="json"/>) into a copy of <paramref name="finding"/>;
    /// <see langword="null"/> when the JSON value is not of the field's type.
    /// </summary>
    internal abstract Finding? Read(JsonElement json, Finding finding);

    internal static FindingField Text(string name, string? alias, Func<Finding, string?> value, Func<Finding, string, Finding> with) =>
        new TextField(name, alias, value, with);

    internal static FindingField Number(string name, string? alias, int minimum, Func<Finding, int?> value, Func<Finding, int, Finding> with, bool movesWithTime = false) =>
        new NumberField(name, alias, minimum, value, with, movesWithTime);

    internal static FindingField Date(string name, string? alias, Func<Finding, DateOnly?> value, Func<Finding, DateOnly, Finding> with) =>
        new DateField(name, alias, value, with);

    internal static FindingField Risk(string name, string? alias, Func<Finding, RiskLevel?> value, Func<Finding, RiskLevel, Finding> with) =>
        new EnumField<RiskLevel>(name, alias, FindingValueType.RiskLevel, value, with, ContractNames.Of);

    internal static FindingField Escalation(string name, string? alias, Func<Finding, EscalationLevel?> value, Func<Finding, EscalationLevel, Finding> with) =>
        new EnumField<EscalationLevel>(name, alias, FindingValueType.EscalationLevel, value, with, ContractNames.Of);

    internal static FindingField Instant(string name, string? alias, Func<Finding, DateTimeOffset?> value, Func<Finding, DateTimeOffset, Finding> with) =>
        new InstantField(name, alias, value, with);

    internal static FindingField Boolean(string name, string? alias, Func<Finding, bool?> value, Func<Finding, bool, Finding> with) =>
        new BooleanField(name, alias, value, with);

    private sealed class TextField(string name, string? alias, Func<Finding, string?> value, Func<Finding, string, Finding> with)
        : FindingField(name, alias, FindingValueType.Text, movesWithTime: false)
    {
        internal override Finding? Read(JsonElement json, Finding finding) =>
            json.ValueKind == JsonValueKind.String ? with(finding, json.GetString()!) : null;

        public override string? Format(Finding finding) => value(finding);

        public override bool IsPresent(Finding finding) => value(finding) is not null;

        internal override bool ValueEquals(Finding x, Finding y) => string.Equals(value(x), value(y), StringComparison.Ordinal);

        internal override int ValueHash(Finding finding) => value(finding) is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0;

        internal override void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
        {
            if (value(finding) is { } text)
            {
                writer.WriteString(name, text);
            }
        }
    }

    private sealed class NumberField(string name, string? alias, int minimum, Func<Finding, int?> value, Func<Finding, int, Finding> with, bool movesWithTime)
        : FindingField(name, alias, FindingValueType.Number, movesWithTime)
    {
        // Any spelling of a whole number (4, 4.0, 4e0): the JSON number is what counts, as for a snapshot's numbers and an
        // earlier document's schemaVersion (contract section 7 reads documents other programs wrote).
        internal override Finding? Read(JsonElement json, Finding finding) =>
            json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var number) && decimal.Truncate(number) == number
                && number is >= int.MinValue and <= int.MaxValue
                ? with(finding, (int)number)
                : null;

        public override int Minimum => minimum;

        public override string? Format(Finding finding) => value(finding)?.ToString(CultureInfo.InvariantCulture);

        public override bool IsPresent(Finding finding) => value(finding).HasValue;

        internal override bool ValueEquals(Finding x, Finding y) => value(x) == value(y);

        internal override int ValueHash(Finding finding) => value(finding).GetHashCode();

        internal override void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
        {
            if (value(finding) is { } number)
            {
                writer.WriteNumber(name, number);
            }
        }
    }

    private sealed class DateField(string name, string? alias, Func<Finding, DateOnly?> value, Func<Finding, DateOnly, Finding> with)
        : FindingField(name, alias, FindingValueType.Date, movesWithTime: false)
    {
        internal override Finding? Read(JsonElement json, Finding finding) =>
            json.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? with(finding, date)
                : null;

        public override string? Format(Finding finding) => value(finding)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override bool IsPresent(Finding finding) => value(finding).HasValue;

        internal override bool ValueEquals(Finding x, Finding y) => value(x) == value(y);

        internal override int ValueHash(Finding finding) => value(finding).GetHashCode();

        internal override void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
        {
            if (value(finding) is { } date)
            {
                JsonOutput.WriteDate(writer, name, date);
            }
        }
    }

    private sealed class EnumField<T>(string name, string? alias, FindingValueType type, Func<Finding, T?> value, Func<Finding, T, Finding> with, Func<T, string?> contractName)
        : FindingField(name, alias, type, movesWithTime: false)
        where T : struct, Enum
    {
        internal override Finding? Read(JsonElement json, Finding finding)
        {
            if (json.ValueKind == JsonValueKind.String)
            {
                var text = json.GetString();
                foreach (var level in Enum.GetValues<T>())
                {
                    if (string.Equals(contractName(level), text, StringComparison.Ordinal))
                    {
                        return with(finding, level);
                    }
                }
            }

            return null;
        }

        public override string? Format(Finding finding) => value(finding) is { } level ? contractName(level) ?? Undefined(level) : null;

        public override bool IsPresent(Finding finding) => value(finding).HasValue;

        internal override bool ValueEquals(Finding x, Finding y) => Nullable.Equals(value(x), value(y));

        internal override int ValueHash(Finding finding) => value(finding).GetHashCode();

        internal override void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
        {
            if (value(finding) is { } level)
            {
                writer.WriteString(name, contractName(level) ?? Undefined(level));
            }
        }

        private string Undefined(T level) =>
            throw new InvalidOperationException("A finding has a " + Name + " the contract does not define (" +
                Convert.ToInt64(level, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + ").");
    }

    private sealed class InstantField(string name, string? alias, Func<Finding, DateTimeOffset?> value, Func<Finding, DateTimeOffset, Finding> with)
        : FindingField(name, alias, FindingValueType.Instant, movesWithTime: false)
    {
        internal override Finding? Read(JsonElement json, Finding finding) =>
            json.ValueKind == JsonValueKind.String && InstantText.TryParse(json.GetString()!, out var instant)
                ? with(finding, InstantText.ToOutput(instant))
                : null;

        public override string? Format(Finding finding) => value(finding) is { } instant ? InstantText.Format(instant) : null;

        public override bool IsPresent(Finding finding) => value(finding).HasValue;

        // Compared as written: to the second, in UTC.
        internal override bool ValueEquals(Finding x, Finding y) => Nullable.Equals(Truncated(value(x)), Truncated(value(y)));

        internal override int ValueHash(Finding finding) => Truncated(value(finding)).GetHashCode();

        internal override void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
        {
            if (value(finding) is { } instant)
            {
                writer.WriteString(name, InstantText.Format(instant));
            }
        }

        private static long? Truncated(DateTimeOffset? instant) => instant is { } i ? i.UtcTicks / TimeSpan.TicksPerSecond : null;
    }

    private sealed class BooleanField(string name, string? alias, Func<Finding, bool?> value, Func<Finding, bool, Finding> with)
        : FindingField(name, alias, FindingValueType.Boolean, movesWithTime: false)
    {
        internal override Finding? Read(JsonElement json, Finding finding) => json.ValueKind switch
        {
            JsonValueKind.True => with(finding, true),
            JsonValueKind.False => with(finding, false),
            _ => null,
        };

        public override string? Format(Finding finding) => value(finding) switch
        {
            true => "true",
            false => "false",
            null => null,
        };

        public override bool IsPresent(Finding finding) => value(finding).HasValue;

        internal override bool ValueEquals(Finding x, Finding y) => value(x) == value(y);

        internal override int ValueHash(Finding finding) => value(finding).GetHashCode();

        internal override void Write(Utf8JsonWriter writer, JsonEncodedText name, Finding finding)
        {
            if (value(finding) is { } flag)
            {
                writer.WriteBoolean(name, flag);
            }
        }
    }
}
