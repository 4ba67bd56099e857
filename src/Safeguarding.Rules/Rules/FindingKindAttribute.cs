namespace Safeguarding.Rules;

/// <summary>The finding kind a built-in rule produces (see <see cref="FindingKinds"/>); shown in the rule catalogue.</summary>
/// <param name="kind">The finding kind.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class FindingKindAttribute(string kind) : Attribute
{
    /// <summary>The finding kind.</summary>
    public string Kind { get; } = kind;
}
