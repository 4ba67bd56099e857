namespace Safeguarding.Rules.Cli.Output;

/// <summary>The names of the output formats, as <c>--format</c> takes them.</summary>
internal static class Formats
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Csv = "csv";
}
