using System.Globalization;
using System.Text.Json;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Policies;

/// <summary>
/// One property of the policy file (contract section 4): its path, how to read, write, check and show its value.
/// <see cref="PolicyProperties"/> lists them all, once; the policy reader, writer, checks and rule descriptions
/// all go through that list, so adding a policy property is one entry there (plus its C# property).
/// </summary>
internal abstract class PolicyProperty
{
    protected PolicyProperty(string path)
    {
        Path = path;
        var dot = path.LastIndexOf('.');
        Name = dot < 0 ? path : path[(dot + 1)..];
        Group = dot < 0 ? null : path[..dot];
    }

    /// <summary>The path as problems and rule descriptions name it, e.g. <c>caseload.target</c>.</summary>
    public string Path { get; }

    /// <summary>The JSON property name within its group.</summary>
    public string Name { get; }

    /// <summary>The group object's name (<c>caseload</c>), or <see langword="null"/> at the top level.</summary>
    public string? Group { get; }

    /// <summary>Reads the value the reader is at (never JSON null) into <paramref name="policy"/>, or adds a problem.</summary>
    public abstract void Read(ref Utf8JsonReader json, SafeguardingPolicy policy, List<PolicyProblem> problems);

    /// <summary>Writes the property's name and value.</summary>
    public abstract void Write(Utf8JsonWriter writer, SafeguardingPolicy policy);

    /// <summary>Adds every problem with the property's value in <paramref name="policy"/>.</summary>
    public abstract void Check(SafeguardingPolicy policy, List<PolicyProblem> problems);

    /// <summary>The value as a rule description shows it.</summary>
    public abstract string Format(SafeguardingPolicy policy);

    protected void WrongType(ref Utf8JsonReader json, List<PolicyProblem> problems, string expected)
    {
        problems.Add(new(Path, "must be " + expected + ", not " + JsonInput.Describe(json.TokenType)));
        json.Skip();
    }

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
