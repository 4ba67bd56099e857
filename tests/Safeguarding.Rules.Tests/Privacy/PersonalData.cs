using System.Text;

namespace Safeguarding.Rules.Tests.Privacy;

/// <summary>
/// Sentinel text standing for the personal data a real force extract carries (names, addresses, offence details), planted
/// where such data turns up (extra members and columns, or the wrong field), and the check that none of it, nor a
/// recognisable part of it, reaches a finding, a log line, a problem or an exception message.
/// </summary>
internal static class PersonalData
{
    /// <summary>A name and an address.</summary>
    public const string Person = "Jane Sentinel-Doe, 12 Acacia Avenue";

    /// <summary>An offence detail.</summary>
    public const string Offence = "GBH against neighbour";

    /// <summary>The parts of the sentinels that no message of ours holds, compared ignoring case.</summary>
    public static readonly IReadOnlyList<string> Fragments = ["Jane", "Sentinel", "Acacia", "GBH", "against neighbour"];

    /// <summary>The fragments <paramref name="text"/> holds, each with a little of the text around it.</summary>
    public static IEnumerable<string> Leaks(string text)
    {
        foreach (var fragment in Fragments)
        {
            var at = text.IndexOf(fragment, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var from = Math.Max(0, at - 80);
                yield return fragment + " in \"" + text[from..Math.Min(text.Length, at + fragment.Length + 40)] + "\"";
            }
        }
    }

    /// <summary>Asserts that no text in <paramref name="texts"/> holds a sentinel or a part of one.</summary>
    public static void ShouldHoldNone(this IEnumerable<string> texts, string because)
    {
        var leaks = texts.SelectMany(Leaks).ToList();
        leaks.Should().BeEmpty("personal data never reaches findings, logs or messages ({0})", because);
    }

    public static string Utf8(this MemoryStream stream) => Encoding.UTF8.GetString(stream.ToArray());
}
