namespace Safeguarding.Rules.Facts;

/// <summary>
/// Hash codes for facts. NRules keys its working memory by fact; the runtime's identity hash
/// (<see cref="System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(object)"/>) is slow the first time it is
/// taken for an object, and every fact is new, so a per-thread counter is much cheaper (and, unlike one shared
/// counter, does not make the partitions' threads contend). Equality stays by reference, so equal hashes on two
/// threads are harmless.
/// </summary>
internal static class FactHash
{
    [ThreadStatic]
    private static int _next;

    public static int Next() => unchecked(++_next * -1640531535); // spread the sequence over the int range (Fibonacci hashing)
}
