using System.Globalization;

namespace Safeguarding.Rules.Records;

/// <summary>
/// Writes a number as ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262, Number::toString), which is how
/// RFC 8785 (JCS) serialises a JSON number: the shortest decimal digits that read back as the same IEEE 754 double,
/// plain notation for exponents from -6 to 20 (<c>0.000001</c>, <c>1e-7</c>, <c>100000000000000000000</c>,
/// <c>1e+21</c>), <c>e+</c>/<c>e-</c> otherwise, and negative zero as <c>0</c>.
/// </summary>
internal static class EcmaScriptNumber
{
    /// <summary>The longest text: a sign, 17 digits, a point, <c>e-</c> and three exponent digits, or 21 digits of plain notation plus a sign.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes <paramref name="value"/> as ASCII into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes).</summary>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite, which JSON cannot hold.</exception>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("NaN and infinity are not JSON numbers.", nameof(value));
        }

        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        // .NET's "R" gives the shortest round-trip digits (since .NET Core 3.0), as ECMAScript requires; only the
        // notation differs, so take its digits and decimal exponent and lay them out again.
        Span<char> shortest = stackalloc char[MaxLength];
        value.TryFormat(shortest, out var length, "R", CultureInfo.InvariantCulture);
        shortest = shortest[..length];

        Span<byte> digits = stackalloc byte[MaxLength];
        var k = 0;
        var pointAt = -1;
        var exponent = 0;
        var negative = false;
        for (var i = 0; i < shortest.Length; i++)
        {
            var c = shortest[i];
            if (c == '-')
            {
                negative = true;
            }
            else if (c == '.')
            {
                pointAt = k;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(shortest[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[k++] = (byte)c;
            }
        }

        // value = 0.d1d2...dk x 10^n, with d1 not zero and dk not zero (ECMA-262's n, k and s).
        var n = (pointAt < 0 ? k : pointAt) + exponent;
        var first = 0;
        while (digits[first] == '0')
        {
            first++;
            n--;
        }

        var last = k;
        while (digits[last - 1] == '0')
        {
            last--;
        }

        var s = digits[first..last];
        k = s.Length;

        var at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            s.CopyTo(destination[at..]);
            at += k;
            destination.Slice(at, n - k).Fill((byte)'0');
            return at + n - k;
        }

        if (0 < n && n <= 21)
        {
            s[..n].CopyTo(destination[at..]);
            at += n;
            destination[at++] = (byte)'.';
            s[n..].CopyTo(destination[at..]);
            return at + k - n;
        }

        if (-6 < n && n <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            destination.Slice(at, -n).Fill((byte)'0');
            at += -n;
            s.CopyTo(destination[at..]);
            return at + k;
        }

        destination[at++] = s[0];
        if (k > 1)
        {
            destination[at++] = (byte)'.';
            s[1..].CopyTo(destination[at..]);
            at += k - 1;
        }

        destination[at++] = (byte)'e';
        destination[at++] = n - 1 < 0 ? (byte)'-' : (byte)'+';
        Span<char> exponentText = stackalloc char[8];
        Math.Abs(n - 1).TryFormat(exponentText, out var exponentLength, provider: CultureInfo.InvariantCulture);
        for (var i = 0; i < exponentLength; i++)
        {
            destination[at++] = (byte)exponentText[i];
        }

        return at;
    }
}
