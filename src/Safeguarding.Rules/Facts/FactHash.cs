namespace Safeguarding.Rules.Facts;

/// <summary>
/// Hash codes for facts, handed out in sequence. NRules keys its working memory by fact; the runtime's identity hash
/// (<see cref="System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(object)"/>) is slow the first time it is
/// taken for an object, and every fact is new, so a counter is much cheaper. Equality stays by reference.
/// </summary>
internal static class FactHash
{
    private static int _next;

    public static int Next() => Interlocked.Increment(ref _next);
}
