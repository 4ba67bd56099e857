using System.Text;

namespace Safeguarding.Rules.Cli.Tests.Support;

/// <summary>An RFC 4180 reader for checking the CLI's CSV: records end in CRLF; quoted fields may hold commas, quotes and line breaks.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    i++;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '\n':
                    throw new FormatException("A bare LF ends a record at " + i + "; RFC 4180 records end in CRLF.");
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            throw new FormatException("The last record does not end in CRLF.");
        }

        return records;
    }
}
