using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Policies;

/// <summary>A whole-number policy property with a minimum, and optionally no less than another property.</summary>
internal sealed class WholeNumberProperty(
    string path,
    Func<SafeguardingPolicy, int> get,
    Action<SafeguardingPolicy, int> set,
    int minimum,
    WholeNumberProperty? atLeast = null,
    int? maximum = null,
    string? maximumReason = null) : PolicyProperty(path)
{
    public int Minimum => minimum;

    public int Get(SafeguardingPolicy policy) => get(policy);

    public override void Read(ref Utf8JsonReader json, SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (json.TokenType != JsonTokenType.Number)
        {
            WrongType(ref json, problems, "a whole number");
            return;
        }

        var value = JsonInput.ReadWholeNumber(ref json, out var problem);
        if (problem is not null)
        {
            problems.Add(new(Path, problem));
        }

        if (value is { } number)
        {
            set(policy, number);
        }
    }

    public override void Write(Utf8JsonWriter writer, SafeguardingPolicy policy) => writer.WriteNumber(Name, get(policy));

    public override void Check(SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        var value = get(policy);
        if (value < minimum)
        {
            problems.Add(new(Path, Invariant($"must be at least {minimum}; it is {value}")));
        }

        if (maximum is { } most && value > most)
        {
            problems.Add(new(Path, Invariant($"must be at most {most}{maximumReason}; it is {value}")));
        }

        if (atLeast is not null && value < atLeast.Get(policy))
        {
            problems.Add(new(Path, Invariant($"must be at least {atLeast.Path} ({atLeast.Get(policy)}); it is {value}")));
        }
    }

    public override string Format(SafeguardingPolicy policy) => get(policy).ToString(CultureInfo.InvariantCulture);
}
