namespace Safeguarding.Rules.Synthetic;

/// <summary>Builds the synthetic identifiers (<c>RSO-000001</c>, <c>OM-0001</c>, <c>T-001</c>, <c>NPT-001</c>) with ASCII digits, independent of culture.</summary>
internal static class SyntheticIds
{
    /// <summary>The prefix of offender ids.</summary>
    public const string OffenderPrefix = "RSO-";

    /// <summary>The prefix of manager ids.</summary>
    public const string ManagerPrefix = "OM-";

    /// <summary>The prefix of team ids.</summary>
    public const string TeamPrefix = "T-";

    /// <summary>The prefix of neighbourhood ids.</summary>
    public const string NeighbourhoodPrefix = "NPT-";

    /// <summary>The id of the offender numbered <paramref name="number"/> (from 1).</summary>
    public static string Offender(int number) => Format(OffenderPrefix, number, 6);

    /// <summary>The id of the manager numbered <paramref name="number"/> (from 1).</summary>
    public static string Manager(int number) => Format(ManagerPrefix, number, 4);

    /// <summary>The id of the team numbered <paramref name="number"/> (from 1).</summary>
    public static string Team(int number) => Format(TeamPrefix, number, 3);

    /// <summary>The id of the neighbourhood numbered <paramref name="number"/> (from 1).</summary>
    public static string Neighbourhood(int number) => Format(NeighbourhoodPrefix, number, 3);

    /// <summary>The prefix followed by <paramref name="number"/> in decimal, zero-padded to at least <paramref name="minDigits"/> digits.</summary>
    public static string Format(string prefix, int number, int minDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        var digits = 1;
        for (var rest = number / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        var length = prefix.Length + Math.Max(digits, minDigits);
        return string.Create(length, (prefix, number), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            var value = state.number;
            for (var i = span.Length - 1; i >= state.prefix.Length; i--)
            {
                span[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        });
    }
}
