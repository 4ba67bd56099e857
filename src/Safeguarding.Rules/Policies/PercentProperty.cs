using System.Globalization;
using System.Text;
using System.Text.Json;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Policies;

/// <summary>A percentage policy property: a number above 0 and at most 100, fractions allowed.</summary>
internal sealed class PercentProperty(string path, Func<SafeguardingPolicy, decimal> get, Action<SafeguardingPolicy, decimal> set) : PolicyProperty(path)
{
    private const string Range = "above 0 and at most 100";

    public override void Read(ref Utf8JsonReader json, SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (json.TokenType != JsonTokenType.Number)
        {
            WrongType(ref json, problems, "a number");
        }
        else if (json.TryGetDecimal(out var percent))
        {
            if (IsExact(json.ValueSpan, percent))
            {
                set(policy, percent);
            }
            else
            {
                // decimal keeps at most 28 digits after the point and rounds the rest away: 100.00000000000000000000000000001
                // would become 100 (and pass), 1e-30 would become 0. The backlog test is exact, so the value must be too.
                problems.Add(new(Path, "has more digits than a percentage can hold exactly (at most 28 after the decimal point): it would be rounded"));
            }
        }
        else
        {
            problems.Add(new(Path, "is out of range: it must be " + Range));
        }
    }

    /// <summary>Whether <paramref name="value"/> is exactly the JSON number <paramref name="number"/> (a number token: no escapes).</summary>
    private static bool IsExact(ReadOnlySpan<byte> number, decimal value) =>
        Normalized(number) == Normalized(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// A number's exact value as sign, significant digits (no leading or trailing zeros) and the power of ten of the last
    /// one, so that two spellings of one value compare equal: <c>2.50</c>, <c>25e-1</c> and <c>250E-2</c> are all (+, "25", -1).
    /// </summary>
    private static (bool Negative, string Digits, long Exponent) Normalized(ReadOnlySpan<byte> number)
    {
        var negative = number.Length > 0 && number[0] == (byte)'-';
        var digits = new StringBuilder(number.Length);
        long exponent = 0;
        var i = negative ? 1 : 0;
        var afterPoint = false;
        for (; i < number.Length && number[i] is not ((byte)'e' or (byte)'E'); i++)
        {
            if (number[i] == (byte)'.')
            {
                afterPoint = true;
                continue;
            }

            digits.Append((char)number[i]);
            if (afterPoint)
            {
                exponent--;
            }
        }

        if (i < number.Length)
        {
            // The exponent of a number decimal could read is small; one too long for a long cannot be exact anyway.
            if (!long.TryParse(Encoding.ASCII.GetString(number[(i + 1)..]), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power))
            {
                return (negative, "overflow", long.MinValue);
            }

            exponent += power;
        }

        var text = digits.ToString().TrimStart('0');
        var trimmed = text.TrimEnd('0');
        if (trimmed.Length == 0)
        {
            return (false, "0", 0);
        }

        return (negative, trimmed, exponent + (text.Length - trimmed.Length));
    }

    public override void Write(Utf8JsonWriter writer, SafeguardingPolicy policy) => JsonOutput.WriteDecimal(writer, JsonEncodedText.Encode(Name), get(policy));

    public override void Check(SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        var value = get(policy);
        if (value <= 0m || value > 100m)
        {
            problems.Add(new(Path, Invariant($"must be {Range}; it is {value}")));
        }
    }

    public override string Format(SafeguardingPolicy policy) => get(policy).ToString("0.############################", CultureInfo.InvariantCulture);
}
