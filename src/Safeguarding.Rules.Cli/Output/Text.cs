using System.Globalization;

namespace Safeguarding.Rules.Cli.Output;

/// <summary>Invariant-culture formatting of the values the CLI prints.</summary>
internal static class Text
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string Date(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;

    public static string OptionalNumber(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count and a noun that takes an s for more than one: <c>1 visit</c>, <c>0 visits</c>, <c>2 visits</c>.</summary>
    public static string Count(long count, string noun) => Number(count) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>A decimal with at most one decimal place: <c>21</c>, <c>21.5</c>.</summary>
    public static string Decimal(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A percentage to one decimal place: <c>83.3%</c>, <c>100.0%</c>.</summary>
    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>A kind name in camelCase, as the contract's summary keys are.</summary>
    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
