using System.Globalization;
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
            set(policy, percent);
        }
        else
        {
            problems.Add(new(Path, "is out of range: it must be " + Range));
        }
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
