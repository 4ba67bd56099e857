namespace Safeguarding.Rules.Serialization;

/// <summary>Reads a fixed-width run of ASCII digits, as the date and instant parsers of the JSON reader need.</summary>
internal static class AsciiDigits
{
    /// <summary>The value of <paramref name="text"/> when every byte is an ASCII digit; <see langword="false"/> otherwise.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
