using System.Text.Json;

namespace Safeguarding.Rules.Policies;

/// <summary>A non-empty text policy property (the version label).</summary>
internal sealed class TextProperty(string path, Func<SafeguardingPolicy, string> get, Action<SafeguardingPolicy, string> set) : PolicyProperty(path)
{
    public override void Read(ref Utf8JsonReader json, SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (json.TokenType == JsonTokenType.String)
        {
            set(policy, json.GetString()!);
        }
        else
        {
            WrongType(ref json, problems, "a string");
        }
    }

    public override void Write(Utf8JsonWriter writer, SafeguardingPolicy policy) =>
        writer.WriteString(Name, get(policy) ?? throw new ArgumentException("The policy's " + Path + " is null.", nameof(policy)));

    public override void Check(SafeguardingPolicy policy, List<PolicyProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(get(policy)))
        {
            problems.Add(new(Path, "must be a non-empty string"));
        }
    }

    public override string Format(SafeguardingPolicy policy) => get(policy);
}
