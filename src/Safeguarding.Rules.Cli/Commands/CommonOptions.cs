using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Safeguarding.Rules.Cli.Output;

namespace Safeguarding.Rules.Cli.Commands;

/// <summary>The options several commands share, each created fresh for the command that uses it.</summary>
internal static class CommonOptions
{
    public static Option<string?> Policy() => new("--policy")
    {
        Description = "A policy file (contract section 4); its values are merged over the defaults. Default: the default policy.",
        HelpName = "FILE",
    };

    public static Option<string?> Output(string what) => new("--output", "-o")
    {
        Description = "Write " + what + " to FILE instead of standard output.",
        HelpName = "FILE",
    };

    public static Option<string> Format(string defaultFormat, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "The output format: " + string.Join(", ", formats) + ".",
            HelpName = string.Join('|', formats),
            DefaultValueFactory = _ => defaultFormat,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<DateOnly?> AsOf() => new("--as-of")
    {
        Description = "Evaluate as of this date (yyyy-MM-dd): later visits, briefings and assessments are ignored. Default: the snapshot's asOf, else the United Kingdom date of its extractedAt, else today in the United Kingdom.",
        HelpName = "yyyy-MM-dd",
        CustomParser = ParseDate,
    };

    /// <summary>A parser for a whole number from <paramref name="minimum"/> to <paramref name="maximum"/> that names the option and the value when it is not one.</summary>
    public static Func<ArgumentResult, int> WholeNumber(string option, int minimum, int maximum) => result =>
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        result.AddError(option + " must be a whole number from " + Text.Number(minimum) + " to " + Text.Number(maximum) + "; it is '" + token + "'.");
        return minimum;
    };

    /// <summary>A parser for a whole number from 0 to <see cref="ulong.MaxValue"/> that names the option and the value when it is not one.</summary>
    public static Func<ArgumentResult, ulong> UnsignedWholeNumber(string option) => result =>
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError(option + " must be a whole number from 0 to " + ulong.MaxValue.ToString(CultureInfo.InvariantCulture) + "; it is '" + token + "'.");
        return 0;
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(token, Text.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError("--as-of must be a date in the form yyyy-MM-dd, for example 2018-05-01; it is '" + token + "'.");
        return null;
    }
}
