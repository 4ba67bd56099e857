namespace Safeguarding.Rules.Findings;

/// <summary>
/// A finding's reason kept as the values it is written from, and written when it is read (<see cref="Finding.Reason"/>).
/// An evaluation makes tens of thousands of findings and all of them live to the report, so their reasons (100 to 200
/// characters each, about 15% of what a whole evaluation allocates) were most of the memory the collector had to copy
/// from one generation to the next while the sessions ran (with the values instead, an evaluation of 100,000 offenders
/// allocates 48.5 MB instead of 56.7). Whoever reads a reason gets the same text as before, each time.
/// </summary>
/// <remarks>
/// The values are copied out of the facts when the finding is made (a value of its own, never a
/// fact: the live monitor changes its facts in place as records change, and a finding keeps the reason it was made
/// with). Writing the text reads nothing else, so it can happen on any thread, at any time, any number of times.
/// </remarks>
internal abstract class DeferredReason
{
    /// <summary>Writes the reason.</summary>
    public abstract string Write();
}

/// <summary>A reason written by <paramref name="write"/> from <paramref name="values"/>, a value copied out of the facts.</summary>
/// <typeparam name="TState">The values the reason is written from: a struct, so a copy.</typeparam>
internal sealed class DeferredReason<TState>(TState values, Func<TState, string> write) : DeferredReason
    where TState : struct
{
    public override string Write() => write(values);
}

/// <summary>
/// A finding's reason: its text, or the values it is written from (<see cref="DeferredReason"/>). Two reasons are equal when
/// their texts are, however each is held, so a finding's equality does not depend on it.
/// </summary>
internal readonly struct FindingReason : IEquatable<FindingReason>
{
    private readonly object? _reason;

    public FindingReason(string text) => _reason = text;

    public FindingReason(DeferredReason deferred) => _reason = deferred;

    /// <summary>The text (written now if it was deferred).</summary>
    public string Text => _reason as string ?? (_reason as DeferredReason)?.Write()!;

    public bool Equals(FindingReason other) =>
        ReferenceEquals(_reason, other._reason) || string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FindingReason other && Equals(other);

    public override int GetHashCode() => Text is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0;
}
